import { useState } from 'react';
import { transferStatuses, type TransferStatus, type TransferView } from '@bazaar/shared';
import { useUser } from '../../auth/auth-context';
import { Tag } from '../../components/badges';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { Options } from '../../components/options';
import { useUrlFilters } from '../../components/url-filters';
import { useDebounced } from '../../components/use-debounced';
import { usePagedList } from '../../components/use-paged-list';
import { ViewSwitch } from '../../components/view-switch';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores, useName } from '../shared/lookups';
import { InTransitView } from './in-transit';
import { discrepancyCount, transferStatusLabel, transferStatusTone } from './transfer-labels';
import { TransferDrilldown } from './transfer-drilldown';
import { TransferForm } from './transfer-form';
import { transfersApi } from './transfers.api';
import { storeTimeColumn } from '../shared/store-time';
import { useQueryClient } from '@tanstack/react-query';

const defaults = { view: 'list', store: '', status: '', from: '', to: '', number: '' };

/** Transfers between the stores the user sees: the list with drill-down, what is in transit, and planning a new one. */
export function TransfersPage() {
  const i18n = useI18n();
  const qc = useQueryClient();
  const { t } = i18n;
  const user = useUser();
  const [f, set] = useUrlFilters('/transfers', defaults);
  const [open, setOpen] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const storeName = useName('store', f.store || null);
  const store: PickOption | null = f.store ? { id: f.store, label: storeName.data?.name ?? '…' } : null;
  const number = useDebounced(f.number.trim());
  const query = { storeId: f.store, status: f.status, from: f.from, to: f.to, number };
  const list = usePagedList(['transfers', 'list', query], (cursor, limit = 50) => transfersApi.list({ ...query, cursor, limit }), { enabled: f.view === 'list' });

  const columns: Column<TransferView>[] = [
    { id: 'number', header: t('web.transfers.number'), cell: (v) => <strong>{v.number}</strong>, sort: (v) => v.number, csv: (v) => v.number },
    { id: 'from', header: t('web.transfers.fromStore'), wrap: true, cell: (v) => v.fromStore.name, sort: (v) => v.fromStore.name, csv: (v) => v.fromStore.name },
    { id: 'to', header: t('web.transfers.toStore'), wrap: true, cell: (v) => v.toStore.name, sort: (v) => v.toStore.name, csv: (v) => v.toStore.name },
    { id: 'status', header: t('common.status'), cell: (v) => <Tag tone={transferStatusTone[v.status]}>{transferStatusLabel(i18n, v.status)}</Tag>, sort: (v) => v.status, csv: (v) => transferStatusLabel(i18n, v.status) },
    { id: 'lines', header: t('web.transfers.lines'), align: 'right', cell: (v) => i18n.number(v.lines.length), sort: (v) => v.lines.length, csv: (v) => v.lines.length },
    {
      id: 'issues',
      header: t('web.transfers.discrepancies'),
      align: 'right',
      cell: (v) => {
        const n = discrepancyCount(v);
        return n ? <Tag tone="warn">{t('web.transfers.linesWithDiscrepancy', { count: n })}</Tag> : <span className="muted">—</span>;
      },
      csv: (v) => discrepancyCount(v),
    },
    storeTimeColumn<TransferView>(qc, { id: 'created', header: t('web.transfers.created'), at: (v) => v.createdAt, store: (v) => v.fromStore.id }),
    storeTimeColumn<TransferView>(qc, { id: 'dispatched', header: t('web.transfers.dispatched'), minor: true, at: (v) => v.dispatchedAt, store: (v) => v.fromStore.id }),
    { id: 'by', header: t('web.transfers.createdBy'), minor: true, cell: (v) => v.createdBy.name ?? '—', csv: (v) => v.createdBy.name ?? '' },
  ];

  return (
    <div className="page">
      <div className="page-actions">
        <ViewSwitch
          label={t('web.transfers.views')}
          value={f.view === 'transit' ? 'transit' : 'list'}
          views={[
            { id: 'list', label: t('web.transfers.all') },
            { id: 'transit', label: t('web.transfers.inTransit') },
          ]}
          onChange={(view) => set({ view })}
        />
        {(user.role === 'admin' || user.role === 'manager') && (
          <button type="button" className="btn btn-primary" onClick={() => setCreating(true)} data-testid="new-transfer">
            {t('web.transfers.new')}
          </button>
        )}
      </div>
      <FilterPanel label={t('web.transfers.filters')} active={countActive(f.view === 'list' ? query : { storeId: f.store })}>
        <Field label={t('common.store')} hint={t('web.transfers.eitherEnd')}>
          {(id, d) => <EntityPicker id={id} kind="stores" value={store} onChange={(s) => set({ store: s?.id ?? '' })} search={searchStores} allLabel={t('common.all')} describedBy={d} />}
        </Field>
        {f.view === 'list' && (
          <>
            <Field label={t('common.status')}>
              {(id) => (
                <select id={id} value={f.status} onChange={(e) => set({ status: e.target.value as TransferStatus | '' })} data-testid="transfer-status">
                  <option value="">{t('web.transfers.anyStatus')}</option>
                  <Options values={transferStatuses} label={(s) => transferStatusLabel(i18n, s)} />
                </select>
              )}
            </Field>
            <Field label={t('common.from')} hint={t('web.transfers.dayHint')}>
              {(id, d) => <input id={id} aria-describedby={d} type="date" value={f.from} max={f.to || undefined} onChange={(e) => set({ from: e.target.value })} />}
            </Field>
            <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={f.to} min={f.from || undefined} onChange={(e) => set({ to: e.target.value })} />}</Field>
            <Field label={t('web.transfers.number')}>{(id) => <input id={id} value={f.number} onChange={(e) => set({ number: e.target.value })} />}</Field>
          </>
        )}
      </FilterPanel>
      {f.view === 'transit' ? (
        <InTransitView storeId={f.store} />
      ) : (
        <DataTable
          caption={t('web.transfers.caption')}
          columns={columns}
          list={list}
          rowKey={(v) => v.id}
          onRowClick={(v) => setOpen(v.id)}
          csv={{ filename: 'transfers' }}
          empty={t('web.transfers.empty')}
          testId="transfers-table"
        />
      )}
      <TransferDrilldown transferId={open} onClose={() => setOpen(null)} />
      <Dialog title={t('web.transfers.new')} open={creating} onClose={() => setCreating(false)} wide>
        {creating && (
          <TransferForm
            onCancel={() => setCreating(false)}
            onDone={(v) => {
              setCreating(false);
              setOpen(v.id);
              list.refetch();
            }}
          />
        )}
      </Dialog>
    </div>
  );
}
