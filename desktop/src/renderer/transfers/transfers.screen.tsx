import { useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSync } from '../sync/sync-context';
import { Notice } from '../ui/notice';
import { Screen } from '../ui/screen';
import { NewTransfer } from './transfer-new';
import { TransferDetail } from './transfer-detail';
import { TransferList } from './transfer-list';

type Tab = 'in' | 'out' | 'new';

/** Transfers at this counter: what is coming in to count, what goes out to dispatch, and a new draft. */
export function TransfersScreen() {
  const api = useApi();
  const { t } = useI18n();
  const sync = useSync();
  const [tab, setTab] = useState<Tab>('in');
  const [selected, setSelected] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // A pull may bring transfers from head office or another store: read again after each sync.
  const list = useQuery(() => api.listTransfers({ limit: 200 }), [api, version, sync.status?.lastSuccessAt]);
  const stores = useQuery(() => api.transferStores(), [api, sync.status?.lastSuccessAt]);
  const views = list.data ?? [];
  const current = views.find((v) => v.transfer.id === selected) ?? null;

  const changed = (message: string, keep: string | null) => {
    setDone(message);
    setSelected(keep);
    setVersion((v) => v + 1);
    sync.refresh();
  };

  const tabButton = (id: Tab, label: string) => (
    <button
      role="tab"
      aria-selected={tab === id}
      aria-pressed={tab === id}
      onClick={() => {
        setTab(id);
        setSelected(null);
        setDone(null);
      }}
    >
      {label}
    </button>
  );

  return (
    <Screen
      name="transfers"
      title={t('counter.nav.transfers')}
      intro={t('transfers.intro')}
      actions={
        <div className="segmented" role="tablist" aria-label={t('transfers.view')}>
          {tabButton('in', t('transfers.tab.in'))}
          {tabButton('out', t('transfers.tab.out'))}
          {tabButton('new', t('transfers.tab.new'))}
        </div>
      }
    >
      {list.error && <Notice kind="error">{list.error.message}</Notice>}
      {done && <Notice kind="ok">{done}</Notice>}
      {tab === 'new' ? (
        <NewTransfer
          stores={stores.data ?? []}
          onSaved={(view, message) => {
            setTab('out');
            changed(message, view.transfer.id);
          }}
        />
      ) : (
        <div className="stack">
          <TransferList views={views.filter((v) => v.direction === tab)} direction={tab} selected={selected} onSelect={(id) => { setSelected(id); setDone(null); }} />
          {current ? (
            <TransferDetail key={`${current.transfer.id}-${version}`} view={current} onChanged={(message) => changed(message, current.transfer.id)} />
          ) : (
            views.some((v) => v.direction === tab) && <p className="muted">{t('transfers.pick')}</p>
          )}
        </div>
      )}
    </Screen>
  );
}
