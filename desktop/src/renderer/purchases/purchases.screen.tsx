import { useState } from 'react';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { useSync } from '../sync/sync-context';
import { Notice } from '../ui/notice';
import { Screen } from '../ui/screen';
import { GoodsReceiptForm } from './goods-receipt-form';
import { OrderDetail } from './order-detail';
import { OrderList } from './order-list';
import { ReorderList } from './reorder-list';

type Tab = 'orders' | 'suggest' | 'receive';

/** Purchases at this counter: its orders, the "to order" list made into orders, and the supplier's bill received. */
export function PurchasesScreen() {
  const api = useApi();
  const { t } = useI18n();
  const sync = useSync();
  const [tab, setTab] = useState<Tab>('orders');
  const [selected, setSelected] = useState<string | null>(null);
  const [receiveAgainst, setReceiveAgainst] = useState<string>('');
  const [done, setDone] = useState<string[]>([]);
  const [openOnly, setOpenOnly] = useState(false);
  const [version, setVersion] = useState(0);
  // Orders made at head office arrive with a pull: read again after each sync.
  const orders = useQuery(() => api.listPurchaseOrders({ open: openOnly, limit: 200 }), [api, openOnly, version, sync.status?.lastSuccessAt]);
  const current = orders.data?.find((o) => o.order.id === selected) ?? null;

  const go = (next: Tab) => {
    setTab(next);
    setDone([]);
  };
  const changed = (messages: string[], next: Tab, keep: string | null) => {
    setDone(messages);
    setTab(next);
    setSelected(keep);
    setVersion((v) => v + 1);
    sync.refresh();
  };

  const tabButton = (id: Tab, label: string) => (
    <button role="tab" aria-selected={tab === id} aria-pressed={tab === id} onClick={() => go(id)}>
      {label}
    </button>
  );

  return (
    <Screen
      name="purchases"
      title={t('counter.nav.purchases')}
      intro={t('purchases.intro')}
      actions={
        <div className="segmented" role="tablist" aria-label={t('purchases.view')}>
          {tabButton('orders', t('purchases.tab.orders'))}
          {tabButton('suggest', t('purchases.tab.suggest'))}
          {tabButton('receive', t('purchases.tab.receive'))}
        </div>
      }
    >
      {orders.error && <Notice kind="error">{orders.error.message}</Notice>}
      {done.map((m) => (
        <Notice key={m} kind="ok">
          {m}
        </Notice>
      ))}
      {tab === 'orders' && (
        <div className="stack">
          <OrderList orders={orders.data ?? []} openOnly={openOnly} onOpenOnly={setOpenOnly} selected={selected} onSelect={(id) => { setSelected(id); setDone([]); }} />
          {current && (
            <OrderDetail
              view={current}
              onReceive={() => {
                setReceiveAgainst(current.order.id);
                go('receive');
              }}
            />
          )}
        </div>
      )}
      {tab === 'suggest' && <ReorderList version={version} onMade={(messages) => changed(messages, 'orders', null)} />}
      {tab === 'receive' && (
        <GoodsReceiptForm
          orders={(orders.data ?? []).filter((o) => o.status === 'sent' || o.status === 'partly_received' || o.status === 'draft')}
          initialOrder={receiveAgainst}
          onReceived={(messages, orderId) => {
            setReceiveAgainst('');
            changed(messages, 'orders', orderId);
          }}
        />
      )}
    </Screen>
  );
}
