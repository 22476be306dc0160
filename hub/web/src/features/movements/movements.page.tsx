import { useState } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { movementKinds, movementStatusWord, removalReasonWord, type Movement, type MovementKind, type Translator } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { movementsApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { dayEnd, dayStart } from '../../components/format';
import { csvQty, csvUnit } from '../../components/csv';
import { usePagedList } from '../../components/use-paged-list';
import { cachedName, cachedUnit, DeviceName, ProductName, searchProducts, searchStores, StoreName, UserName, useProductUnit } from '../shared/lookups';
import { MovementForm } from './movement-form';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { kindLabel, kindTone } from './movement-kinds';
import { storeTimeColumn } from '../shared/store-time';

/** Grams and millilitres as kg and L (the unit prices are per); a product never looked up stays in base units, said so by its unit. */
function movementCsvQty(qc: QueryClient, m: Movement): number {
  const unit = cachedUnit(qc, m.productId);
  return unit ? (csvQty(m.qty, unit) ?? m.qty) : m.qty;
}
function movementCsvUnit(qc: QueryClient, m: Movement): string {
  const unit = cachedUnit(qc, m.productId);
  return unit ? csvUnit(unit) : '';
}

function Qty({ m }: { m: Movement }) {
  const unit = useProductUnit(m.productId);
  const i18n = useI18n();
  if (!unit) return <span>{m.qty}</span>;
  const text = i18n.qty(m.qty, unit);
  return <bdi className={m.qty < 0 ? 'neg' : 'pos'}>{m.kind === 'COUNT' ? `= ${text}` : m.qty > 0 ? `+${text}` : text}</bdi>;
}


/** Weighed goods are priced per kg or L, so the unit is part of the number. */
function UnitPrice({ m }: { m: Movement }) {
  const unit = useProductUnit(m.productId);
  const i18n = useI18n();
  const minor = m.unitPriceMinor ?? m.unitCostMinor;
  if (minor === null) return <span className="muted">—</span>;
  return (
    <span>
      {i18n.money(minor)}
      {unit && <small className="muted"> {i18n.t(`unit.per.${unit}`)}</small>}
      {m.unitPriceMinor === null && <small className="muted">{i18n.t('web.movements.costSuffix')}</small>}
    </span>
  );
}

export function MovementsPage() {
  const user = useUser();
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const [store, setStore] = useState<PickOption | null>(null);
  const [product, setProduct] = useState<PickOption | null>(null);
  const [kind, setKind] = useState<MovementKind | ''>('');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [status, setStatus] = useState<'applied' | 'rejected' | ''>('');
  const [recording, setRecording] = useState(false);
  const query = { storeId: store?.id, productId: product?.id, kind, status, from: dayStart(from), to: dayEnd(to) };
  const activeFilters = countActive(query);
  const list = usePagedList(['movements', 'list', query], (cursor, limit = 50) => movementsApi.list({ ...query, cursor, limit }));

  const columns: Column<Movement>[] = [
    storeTimeColumn<Movement>(qc, { id: 'at', header: t('common.when'), at: (m) => m.occurredAt, store: (m) => m.storeId }),
    { id: 'store', header: t('common.store'), cell: (m) => <StoreName id={m.storeId} />, csvNeeds: (m) => [['store', m.storeId]], csv: (m) => cachedName(qc, 'store', m.storeId) },
    { id: 'product', wrap: true, header: t('common.product'), cell: (m) => <ProductName id={m.productId} />, csvNeeds: (m) => [['product', m.productId]], csv: (m) => cachedName(qc, 'product', m.productId) },
    { id: 'kind', header: t('common.kind'), cell: (m) => <Tag tone={kindTone[m.kind]}>{kindLabel(i18n, m.kind)}</Tag>, sort: (m) => m.kind, csv: (m) => kindLabel(i18n, m.kind) },
    // CSV: the quantity in the unit its price is quoted in (kg, L or pc), named in the Unit column.
    { id: 'qty', header: t('common.quantity'), align: 'right', cell: (m) => <Qty m={m} />, sort: (m) => m.qty, csvNeeds: (m) => [['product', m.productId]], csv: (m) => movementCsvQty(qc, m) },
    { id: 'unit', header: t('web.products.unit'), hidden: true, cell: () => null, csv: (m) => movementCsvUnit(qc, m) },
    {
      id: 'price',
      header: t('web.movements.unitPrice'),
      align: 'right',
      minor: true,
      cell: (m) => <UnitPrice m={m} />,
      csvMoney: (m) => m.unitPriceMinor ?? m.unitCostMinor,
    },
    { id: 'reason', wrap: true, header: t('history.reasonNote'), minor: true, cell: (m) => reasonNote(i18n, m) || '—', csv: (m) => reasonNote(i18n, m) },
    {
      id: 'user',
      header: t('web.drill.by'),
      minor: true,
      // A counter sale names its cashier and its counter; a head-office movement its person.
      cell: (m) => (
        <span>
          {m.userId && <UserName id={m.userId} />}
          {m.userId && m.deviceId && ' · '}
          {m.deviceId && <DeviceName id={m.deviceId} />}
          {!m.userId && !m.deviceId && '—'}
        </span>
      ),
      csv: (m) => [m.userId && cachedName(qc, 'user', m.userId), m.deviceId && cachedName(qc, 'device', m.deviceId)].filter(Boolean).join(' · '),
    },
    {
      id: 'status',
      header: t('common.status'),
      cell: (m) => (m.status === 'rejected' ? <Tag tone="bad">{t('web.movements.rejectedWhy', { reason: m.rejectReason ?? '' })}</Tag> : <span className="muted">{t('web.drill.applied')}</span>),
      csv: (m) => movementStatusWord(i18n, m.status, m.rejectReason),
    },
  ];

  return (
    <div className="page">
      <FilterPanel label={t('web.movements.filters')} active={activeFilters}>
        <Field label={t('common.store')}>
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel={t('web.stock.allStores')} />}
        </Field>
        <Field label={t('common.product')}>
          {(id) => <EntityPicker id={id} kind="products" value={product} onChange={setProduct} search={searchProducts} allLabel={t('web.movements.allProducts')} />}
        </Field>
        <Field label={t('common.kind')}>
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as MovementKind | '')}>
              <option value="">{t('web.movements.anyKind')}</option>
              {movementKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(i18n, k)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('common.status')}>
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'applied' | 'rejected' | '')}>
              <option value="">{t('web.movements.appliedAndRejected')}</option>
              <option value="applied">{t('web.movements.applied')}</option>
              <option value="rejected">{t('web.movements.rejectedKept')}</option>
            </select>
          )}
        </Field>
        <Field label={t('common.from')}>{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption={t('web.movements.caption')}
        columns={columns}
        list={list}
        rowKey={(m) => m.id}
        csv={{ filename: 'movements' }}
        toolbar={
          allowed(user, 'postMovements') && (
            <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
              {t('web.movements.record')}
            </button>
          )
        }
        testId="movements-table"
      />
      <Dialog title={t('web.stock.recordMovement')} open={recording} onClose={() => setRecording(false)} wide>
        {recording && <MovementForm onDone={() => setRecording(false)} />}
      </Dialog>
    </div>
  );
}

/** "Damaged · torn bag": the reason in words, then the note as typed. */
function reasonNote(t: Translator, m: Pick<Movement, 'reason' | 'note'>): string {
  return [removalReasonWord(t, m.reason), m.note].filter(Boolean).join(' · ');
}
