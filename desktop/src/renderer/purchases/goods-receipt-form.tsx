import { useEffect, useRef, useState } from 'react';
import type { ProductView } from '../../core/core.api';
import type { PurchaseOrderView } from '../../core/purchases/purchases.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Options } from '../ui/options';
import { asTypedQuantity, packQuantity } from '../ui/pack-quantity';
import { LineEditor, RemoveLineCell, useLineSave } from '../ui/line-editor';
import type { PickerHandle } from '../ui/product-picker';
import { useProducts } from '../ui/use-products';
import { lineStateText, orderStatusWord } from './purchase-words';
import { receiptPlan, type AgainstOrder, type ReceiptRow } from './receipt-plan';

interface Props {
  /** Orders still waiting for goods, to receive against. */
  orders: PurchaseOrderView[];
  initialOrder: string;
  onReceived: (messages: string[], orderId: string | null) => void;
}

const rupees = (minor: number) => (minor > 0 ? (minor / 100).toFixed(2) : '');

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** The supplier's bill entered as written: against an order (its lines filled in from what is still to come) or without one. */
export function GoodsReceiptForm({ orders, initialOrder, onReceived }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const suppliers = useQuery(() => api.listSuppliers(), [api]);
  const [poId, setPoId] = useState(initialOrder);
  const [supplierId, setSupplierId] = useState('');
  const [billNo, setBillNo] = useState('');
  const [billDate, setBillDate] = useState(localToday);
  const [rows, setRows] = useState<ReceiptRow[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const picker = useRef<PickerHandle>(null);
  const products = useProducts(rows.map((r) => r.productId));
  const order = orders.find((o) => o.order.id === poId) ?? null;

  // Against an order: its lines, with what is still to come at the agreed cost, to correct from the bill.
  useEffect(() => {
    if (!order) {
      setRows([]);
      return;
    }
    setRows(
      order.lines.map((l) => ({
        productId: l.productId,
        sku: l.sku,
        name: l.name,
        unit: l.unit,
        packs: [],
        orderedQty: l.orderedQty,
        receivedBeforeQty: l.receivedQty,
        qtyText: l.remainingQty > 0 ? asTypedQuantity(l.remainingQty, l.unit) : '',
        costText: rupees(order.order.lines.find((o) => o.productId === l.productId)?.agreedCostMinor ?? 0),
        taxText: '',
      })),
    );
    // Only a different order refills the lines; a re-read of the same one keeps what was typed.
  }, [order?.order.id]);

  const withPacks = rows.map((r) => ({ ...r, packs: products.get(r.productId)?.packs ?? [] }));
  const plan = receiptPlan(withPacks, order !== null, i18n);

  const add = (p: ProductView, qtyText: string | null) => {
    setRows((rs) =>
      rs.some((r) => r.productId === p.id)
        ? rs
        : [...rs, { productId: p.id, sku: p.sku, name: p.name, unit: p.unit, packs: p.packs, orderedQty: null, receivedBeforeQty: 0, qtyText: qtyText ?? '', costText: rupees(p.costMinor), taxText: '' }],
    );
    window.setTimeout(() => document.getElementById(`receipt-qty-${p.id}`)?.focus(), 0);
  };
  const edit = (productId: string, field: 'qtyText' | 'costText' | 'taxText', value: string) => setRows((rs) => rs.map((r) => (r.productId === productId ? { ...r, [field]: value } : r)));

  const saver = useLineSave(picker, setErrors, () => {
    const problems: Record<string, string> = { ...plan.errors };
    if (!order && !supplierId) problems.supplier = t('purchases.receive.pickSupplier');
    if (!billNo.trim()) problems.billNo = t('purchases.receive.billNoMissing');
    if (!billDate) problems.billDate = t('purchases.receive.billDateMissing');
    if (plan.lines.length === 0) problems.lines = t('purchases.receive.noLines');
    const send = async () => {
      const out = await api.receiveGoods({
        ...(order ? { po: order.order.id } : { supplier: supplierId }),
        supplierBillNo: billNo.trim(),
        supplierBillDate: billDate,
        lines: plan.lines.map((l) => ({ product: l.product, qty: l.qty, costMinor: l.costMinor, taxMinor: l.taxMinor })),
      });
      const r = out.receipt;
      const messages = [t('purchases.receive.done', { number: r.number, bill: r.supplierBillNo, supplier: r.supplierName, total: i18n.money(r.totalMinor) })];
      if (out.order) messages.push(t('purchases.receive.against', { number: out.order.order.number, status: orderStatusWord(i18n, out.order.status) }));
      onReceived(messages, out.order?.order.id ?? null);
    };
    return { problems, send };
  });

  const againstText = (a: AgainstOrder, row: ReceiptRow): string => {
    if (a.kind === 'short') return lineStateText(i18n, 'partial', a.qty, 0, row.unit, row.packs);
    if (a.kind === 'over') return lineStateText(i18n, 'over', 0, a.qty, row.unit, row.packs);
    if (a.kind === 'complete') return t('po.line.complete');
    if (a.kind === 'notOrdered') return t('purchases.receive.notOrdered');
    if (a.kind === 'leftOut') return t('purchases.receive.leftOut');
    return '';
  };

  return (
    <div className="card card-pad stack" data-testid="goods-receipt">
      <p className="muted no-margin">{t('purchases.receive.intro')}</p>
      <div className="form-grid">
        <Field id="receipt-po" label={t('purchases.receive.po')}>
          <select id="receipt-po" className="select" value={poId} onChange={(e) => setPoId(e.target.value)}>
            <option value="">{t('purchases.receive.noPo')}</option>
            <Options items={orders} value={(o) => o.order.id} label={(o) => t('purchases.receive.poOption', { number: o.order.number, supplier: o.order.supplierName, status: orderStatusWord(i18n, o.status) })} />
          </select>
        </Field>
        {!order && (
          <Field id="receipt-supplier" label={t('common.supplier')} error={errors.supplier}>
            <select id="receipt-supplier" className="select" value={supplierId} aria-invalid={errors.supplier ? 'true' : undefined} onChange={(e) => setSupplierId(e.target.value)}>
              <option value="">{t('common.none')}</option>
              <Options items={suppliers.data} value={(s) => s.id} label={(s) => s.name} />
            </select>
          </Field>
        )}
        <Field id="receipt-bill" label={t('purchases.receive.billNo')} error={errors.billNo}>
          <input id="receipt-bill" className="input mono" value={billNo} aria-invalid={errors.billNo ? 'true' : undefined} onChange={(e) => setBillNo(e.target.value)} />
        </Field>
        <Field id="receipt-date" label={t('purchases.receive.billDate')} error={errors.billDate}>
          <input id="receipt-date" className="input" type="date" value={billDate} onChange={(e) => setBillDate(e.target.value)} />
        </Field>
      </div>
      <LineEditor picker={picker} id="receipt-product" addLabel={t('purchases.receive.addLine')} onPick={add} footer={<ReceiptTotals plan={plan} />} formError={errors.form} saver={saver} saveLabel={t('purchases.receive.save')}
        empty={rows.length === 0 ? (errors.lines ?? t('purchases.receive.empty')) : null}>
        <table className="table" data-testid="receipt-lines">
          <thead>
            <tr>
              <th>{t('common.product')}</th>
              {order && <th className="num">{t('purchases.col.ordered')}</th>}
              <th className="num">{t('purchases.col.receivedNow')}</th>
              <th className="num">{t('purchases.col.cost')}</th>
              <th className="num">{t('purchases.col.tax')}</th>
              <th className="num">{t('purchases.col.lineTotal')}</th>
              {order && <th>{t('purchases.col.againstOrder')}</th>}
              {!order && <th />}
            </tr>
          </thead>
          <tbody>
            {plan.view.map(({ row, lineTotalMinor, against }) => (
              <tr key={row.productId}>
                <td>
                  <bdi className="cell-strong">{row.name}</bdi>
                  <bdi className="cell-sub mono">{row.sku}</bdi>
                </td>
                {order && (
                  <td className="num nowrap">
                    <bdi>{row.orderedQty === null ? '—' : packQuantity(i18n, row.orderedQty, row.unit, row.packs)}</bdi>
                  </td>
                )}
                <td className="num">
                  <input id={`receipt-qty-${row.productId}`} className="input qty-input num" aria-label={t('purchases.receive.qtyOf', { name: row.name })} aria-invalid={plan.errors[row.productId] ? 'true' : undefined} value={row.qtyText} onChange={(e) => edit(row.productId, 'qtyText', e.target.value)} />
                  {plan.errors[row.productId] && <span className="field-error cell-sub">{plan.errors[row.productId]}</span>}
                </td>
                <td className="num">
                  <input className="input qty-input num" inputMode="decimal" aria-label={t('purchases.receive.costOf', { name: row.name })} value={row.costText} onChange={(e) => edit(row.productId, 'costText', e.target.value)} />
                </td>
                <td className="num">
                  <input className="input qty-input num" inputMode="decimal" aria-label={t('purchases.receive.taxOf', { name: row.name })} value={row.taxText} onChange={(e) => edit(row.productId, 'taxText', e.target.value)} />
                </td>
                <td className="num nowrap">{lineTotalMinor ? i18n.money(lineTotalMinor) : '—'}</td>
                {order && (
                  <td className={against.kind === 'short' || against.kind === 'over' || against.kind === 'notOrdered' ? 'qty-low cell-strong' : against.kind === 'complete' ? 'qty-ok' : 'muted'} data-testid={`against-${row.sku}`}>
                    {againstText(against, row)}
                  </td>
                )}
                {!order && <RemoveLineCell label={t('purchases.receive.removeLine', { name: row.name })} onRemove={() => setRows((rs) => rs.filter((r) => r.productId !== row.productId))} />}
              </tr>
            ))}
          </tbody>
        </table>
      </LineEditor>
    </div>
  );
}

function ReceiptTotals({ plan }: { plan: ReturnType<typeof receiptPlan> }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="bill-totals" data-testid="receipt-totals">
      <span>{t('purchases.receive.subtotal')}</span>
      <span>{i18n.money(plan.subtotalMinor)}</span>
      <span>{t('purchases.col.tax')}</span>
      <span>{i18n.money(plan.taxMinor)}</span>
      <span className="total-line">{t('purchases.receive.total')}</span>
      <span className="total-line" data-testid="receipt-total">{i18n.money(plan.totalMinor)}</span>
    </div>
  );
}
