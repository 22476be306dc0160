import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { billViewStatuses, paymentMethods, type BillSummary, type BillViewStatus, type PaymentMethod } from '@bazaar/shared';
import { billsApi } from '../../api/bills.api';
import { devicesApi } from '../../api/endpoints';
import { Tag } from '../../components/badges';
import { DataTable, type Column } from '../../components/data-table';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { Options } from '../../components/options';
import { useDebounced } from '../../components/use-debounced';
import { usePagedList } from '../../components/use-paged-list';
import { useI18n } from '../../i18n/i18n-context';
import { searchStores } from '../shared/lookups';
import { BillDrilldown } from './bill-drilldown';
import { billTime, kindLabel, methodLabel, minorOf, paymentsText, statusLabel, statusTone } from './bill-labels';
import { BillReports } from './bill-reports';

/** Every bill of the stores the user sees, with filters, drill-down and sales by method, cashier and hour. */
export function BillsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [store, setStore] = useState<PickOption | null>(null);
  const [deviceId, setDeviceId] = useState('');
  const [cashierText, setCashier] = useState('');
  const [status, setStatus] = useState<BillViewStatus | ''>('');
  const [method, setMethod] = useState<PaymentMethod | ''>('');
  const [numberText, setNumber] = useState('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [minText, setMin] = useState('');
  const [maxText, setMax] = useState('');
  const [open, setOpen] = useState<BillSummary | null>(null);
  const cashier = useDebounced(cashierText.trim());
  const number = useDebounced(numberText.trim());
  const minMinor = minorOf(useDebounced(minText));
  const maxMinor = minorOf(useDebounced(maxText));
  const devices = useQuery({ queryKey: ['devices', 'all', store?.id], queryFn: () => devicesApi.list({ storeId: store?.id, limit: 200 }) });

  const common = { storeId: store?.id, deviceId, cashier, method, number, from, to, minMinor, maxMinor };
  const query = { ...common, status };
  const list = usePagedList(['bills', 'list', query], (cursor, limit = 50) => billsApi.list({ ...query, cursor, limit }));

  const columns: Column<BillSummary>[] = [
    { id: 'number', header: t('web.bills.number'), cell: (b) => <strong>{b.number}</strong>, sort: (b) => b.number, csv: (b) => b.number },
    { id: 'store', header: t('common.store'), wrap: true, cell: (b) => b.storeName, sort: (b) => b.storeName, csv: (b) => b.storeName },
    { id: 'counter', header: t('web.bills.counter'), cell: (b) => b.counterName, csv: (b) => b.counterName, minor: true },
    { id: 'cashier', header: t('web.bills.cashier'), cell: (b) => b.cashierName ?? <span className="muted">{t('web.bills.noCashier')}</span>, csv: (b) => b.cashierName },
    { id: 'time', header: t('web.bills.time'), cell: (b) => billTime(i18n, b), sort: (b) => b.occurredAt, csv: (b) => b.occurredAt },
    {
      id: 'total',
      header: t('web.bills.total'),
      align: 'right',
      cell: (b) => (
        <>
          {i18n.money(b.totalMinor)}
          {b.returnedMinor !== 0 && <span className="cell-sub">{t('web.bills.returnedAmount', { amount: i18n.money(-b.returnedMinor) })}</span>}
        </>
      ),
      sort: (b) => b.totalMinor,
      csvMoney: (b) => b.totalMinor,
    },
    { id: 'payment', header: t('web.bills.payment'), wrap: true, cell: (b) => paymentsText(i18n, b.payments), csv: (b) => paymentsText(i18n, b.payments) },
    {
      id: 'status',
      header: t('common.status'),
      cell: (b) => (
        <>
          {b.kind !== 'sale' && <Tag tone="info">{kindLabel(i18n, b.kind)}</Tag>} {b.status !== 'completed' && <Tag tone={statusTone[b.status]}>{statusLabel(i18n, b.status)}</Tag>}
        </>
      ),
      csv: (b) => [b.kind !== 'sale' && kindLabel(i18n, b.kind), statusLabel(i18n, b.status)].filter(Boolean).join(' · '),
    },
  ];

  return (
    <div className="page">
      <FilterPanel label={t('web.bills.filters')} active={countActive(query)}>
        <Field label={t('common.store')}>
          {(id) => (
            <EntityPicker
              id={id}
              kind="stores"
              value={store}
              onChange={(s) => {
                setStore(s);
                setDeviceId('');
              }}
              search={searchStores}
              allLabel={t('common.all')}
            />
          )}
        </Field>
        <Field label={t('web.bills.counter')}>
          {(id) => (
            <select id={id} value={deviceId} onChange={(e) => setDeviceId(e.target.value)}>
              <option value="">{t('web.bills.anyCounter')}</option>
              {devices.data?.items.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('web.bills.cashier')} hint={t('web.bills.cashierHint')}>
          {(id, d) => <input id={id} aria-describedby={d} value={cashierText} onChange={(e) => setCashier(e.target.value)} />}
        </Field>
        <Field label={t('common.status')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as BillViewStatus | '')}>
              <option value="">{t('web.bills.anyStatus')}</option>
              <Options values={billViewStatuses} label={(s) => statusLabel(i18n, s)} />
            </select>
          )}
        </Field>
        <Field label={t('web.bills.payment')}>
          {(id) => (
            <select id={id} value={method} onChange={(e) => setMethod(e.target.value as PaymentMethod | '')}>
              <option value="">{t('web.bills.anyMethod')}</option>
              <Options values={paymentMethods} label={(m) => methodLabel(i18n, m)} />
            </select>
          )}
        </Field>
        <Field label={t('web.bills.number')} hint={t('web.bills.numberHint')}>
          {(id, d) => <input id={id} aria-describedby={d} value={numberText} onChange={(e) => setNumber(e.target.value)} />}
        </Field>
        <Field label={t('common.from')} hint={t('web.bills.dayHint')}>
          {(id, d) => <input id={id} aria-describedby={d} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}
        </Field>
        <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
        <Field label={t('web.bills.minAmount')}>{(id) => <input id={id} inputMode="decimal" value={minText} onChange={(e) => setMin(e.target.value)} />}</Field>
        <Field label={t('web.bills.maxAmount')}>{(id) => <input id={id} inputMode="decimal" value={maxText} onChange={(e) => setMax(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption={t('web.bills.caption')}
        columns={columns}
        list={list}
        rowKey={(b) => b.id}
        onRowClick={setOpen}
        csv={{ filename: 'bills', api: { path: '/bills', query } }}
        empty={t('web.bills.empty')}
        testId="bills-table"
      />
      <BillReports query={common} />
      <BillDrilldown billId={open?.id ?? null} title={open?.number ?? ''} onClose={() => setOpen(null)} />
    </div>
  );
}
