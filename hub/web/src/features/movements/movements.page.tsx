import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { formatMoney, formatQuantity, movementKinds, type Movement, type MovementKind } from '@bazaar/shared';
import { movementsApi } from '../../api/endpoints';
import { useUser } from '../../auth/auth-context';
import { allowed } from '../../auth/permissions';
import { DataTable, type Column } from '../../components/data-table';
import { Dialog } from '../../components/dialog';
import { EntityPicker, type PickOption } from '../../components/entity-picker';
import { Field } from '../../components/field';
import { Tag } from '../../components/badges';
import { dayEnd, dayStart, fmtDateTime } from '../../components/format';
import { usePagedList } from '../../components/use-paged-list';
import { cachedName, ProductName, searchProducts, searchStores, StoreName, UserName, useProduct } from '../shared/lookups';
import { MovementForm } from './movement-form';
import { countActive, FilterPanel } from '../../components/filter-panel';
import { kindLabel, kindTone } from './movement-kinds';

function Qty({ m }: { m: Movement }) {
  const p = useProduct(m.productId);
  if (!p.data) return <span>{m.qty}</span>;
  const text = formatQuantity(m.qty, p.data.unit);
  return <span className={m.qty < 0 ? 'neg' : 'pos'}>{m.kind === 'COUNT' ? `= ${text}` : m.qty > 0 ? `+${text}` : text}</span>;
}

const perUnit = { pc: '/pc', g: '/kg', ml: '/L' } as const;

/** Weighed goods are priced per kg or L, so the unit is part of the number. */
function UnitPrice({ m }: { m: Movement }) {
  const p = useProduct(m.productId);
  const paise = m.unitPricePaise ?? m.unitCostPaise;
  if (paise === null) return <span className="muted">—</span>;
  return (
    <span>
      {formatMoney(paise)}
      {p.data && <small className="muted">{perUnit[p.data.unit]}</small>}
      {m.unitPricePaise === null && <small className="muted"> cost</small>}
    </span>
  );
}

export function MovementsPage() {
  const user = useUser();
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
    { id: 'at', header: 'When', cell: (m) => fmtDateTime(m.occurredAt), sort: (m) => m.occurredAt, csv: (m) => m.occurredAt },
    { id: 'store', header: 'Store', cell: (m) => <StoreName id={m.storeId} />, csv: (m) => cachedName(qc, 'store', m.storeId) },
    { id: 'product', wrap: true, header: 'Product', cell: (m) => <ProductName id={m.productId} />, csv: (m) => cachedName(qc, 'product', m.productId) },
    { id: 'kind', header: 'Kind', cell: (m) => <Tag tone={kindTone[m.kind]}>{kindLabel[m.kind]}</Tag>, sort: (m) => m.kind, csv: (m) => m.kind },
    { id: 'qty', header: 'Quantity', align: 'right', cell: (m) => <Qty m={m} />, sort: (m) => m.qty, csv: (m) => m.qty },
    {
      id: 'price',
      header: 'Unit price / cost',
      align: 'right',
      minor: true,
      cell: (m) => <UnitPrice m={m} />,
      csv: (m) => m.unitPricePaise ?? m.unitCostPaise,
    },
    { id: 'reason', wrap: true, header: 'Reason / note', minor: true, cell: (m) => [m.reason, m.note].filter(Boolean).join(' · ') || '—', csv: (m) => [m.reason, m.note].filter(Boolean).join(' · ') },
    { id: 'user', header: 'By', minor: true, cell: (m) => (m.deviceId ? <span>counter #{m.seq}</span> : <UserName id={m.userId} />), csv: (m) => m.userId ?? m.deviceId },
    {
      id: 'status',
      header: 'Status',
      cell: (m) => (m.status === 'rejected' ? <Tag tone="bad">{`rejected: ${m.rejectReason ?? ''}`}</Tag> : <span className="muted">applied</span>),
      csv: (m) => (m.status === 'rejected' ? `rejected: ${m.rejectReason ?? ''}` : 'applied'),
    },
  ];

  return (
    <div className="page">
      <FilterPanel label="Movement filters" active={activeFilters}>
        <Field label="Store">
          {(id) => <EntityPicker id={id} kind="stores" value={store} onChange={setStore} search={searchStores} allLabel="All stores" />}
        </Field>
        <Field label="Product">
          {(id) => <EntityPicker id={id} kind="products" value={product} onChange={setProduct} search={searchProducts} allLabel="All products" />}
        </Field>
        <Field label="Kind">
          {(id) => (
            <select id={id} value={kind} onChange={(e) => setKind(e.target.value as MovementKind | '')}>
              <option value="">Any kind</option>
              {movementKinds.map((k) => (
                <option key={k} value={k}>
                  {kindLabel[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Status">
          {(id) => (
            <select id={id} value={status} onChange={(e) => setStatus(e.target.value as 'applied' | 'rejected' | '')}>
              <option value="">Applied and rejected</option>
              <option value="applied">Applied</option>
              <option value="rejected">Rejected (kept for review)</option>
            </select>
          )}
        </Field>
        <Field label="From">{(id) => <input id={id} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label="To">{(id) => <input id={id} type="date" value={to} onChange={(e) => setTo(e.target.value)} />}</Field>
      </FilterPanel>
      <DataTable
        caption="Stock movements"
        columns={columns}
        list={list}
        rowKey={(m) => m.id}
        csv={{ filename: 'movements' }}
        toolbar={
          allowed(user, 'postMovements') && (
            <button type="button" className="btn btn-primary" onClick={() => setRecording(true)}>
              Record movement
            </button>
          )
        }
        testId="movements-table"
      />
      <Dialog title="Record a movement" open={recording} onClose={() => setRecording(false)} wide>
        {recording && <MovementForm onDone={() => setRecording(false)} />}
      </Dialog>
    </div>
  );
}
