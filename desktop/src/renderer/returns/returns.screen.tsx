import type { PaymentMethod } from '@bazaar/shared';
import { useState } from 'react';
import type { BillView } from '../../core/bills/bills.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { ReceiptDialog } from '../bills/receipt.dialog';
import { useI18n } from '../i18n/i18n-context';
import { useApproval } from '../ui/approval.dialog';
import { Field } from '../ui/field';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';
import { Options } from '../ui/options';
import { Screen } from '../ui/screen';
import { useExclusive } from '../ui/use-exclusive';
import { useWindowKeys } from '../ui/use-window-keys';
import { BillFinder } from './bill-finder';
import { ExchangeLines } from './exchange-lines';
import { ReturnLines } from './return-lines';
import { returnMoney, soldLines, type NewLine, type ReturnChoice } from './return-plan';
import { VoidBill } from './void-bill';

/** Returns and exchanges against a bill found by its receipt number; returns without a receipt; voids. */
export function ReturnsScreen() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useQuery(() => api.billSettings(), [api]);
  const approval = useApproval();
  const [number, setNumber] = useState('');
  const [view, setView] = useState<BillView | null>(null);
  const [noReceipt, setNoReceipt] = useState(false);
  const [choices, setChoices] = useState<Record<number, ReturnChoice>>({});
  const [newLines, setNewLines] = useState<NewLine[]>([]);
  const [unreceipted, setUnreceipted] = useState<NewLine[]>([]);
  const [refundBy, setRefundBy] = useState<PaymentMethod>('cash');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<{ number: string; changeMinor: number } | null>(null);
  const [saved, setSaved] = useState<string | null>(null);

  const reset = () => {
    setChoices({});
    setNewLines([]);
    setUnreceipted([]);
    setReason('');
    setRefundBy('cash');
  };

  const open = async (ref: string) => {
    try {
      const v = await api.showBill({ bill: ref });
      setView(v);
      setNumber(v.bill.number);
      setNoReceipt(false);
      reset();
      setError(null);
      setSaved(null);
    } catch (err) {
      setView(null);
      setError(asApiError(err).message);
    }
  };

  const bill = noReceipt ? null : (view?.bill ?? null);
  const money = returnMoney(bill, view?.returnable ?? {}, choices, newLines);
  const unreceiptedRefund = returnMoney(null, {}, {}, unreceipted).newMinor;
  const net = noReceipt ? money.newMinor - unreceiptedRefund : money.netMinor;

  const save = useExclusive(async () => {
    const lines = bill
      ? soldLines(bill, view?.returnable ?? {})
          .map((s) => ({ lineNo: s.line.lineNo, ...(choices[s.line.lineNo] ?? { qty: 0, disposition: 'restock' as const }) }))
          .filter((l) => l.qty > 0)
      : [];
    if (lines.length + (noReceipt ? unreceipted.length : 0) === 0) {
      setError(t('returns.nothing'));
      return;
    }
    if (noReceipt && !reason.trim()) {
      setError(t('returns.reasonNeeded'));
      return;
    }
    const payments = net < 0 && refundBy !== 'cash' ? [{ method: refundBy }] : undefined;
    try {
      const result = await approval.run((a) =>
        api.returnBill({
          ...(bill ? { bill: bill.number, lines } : { unreceipted: unreceipted.map((l) => ({ product: l.product.id, qty: l.qty, disposition: 'restock' as const })) }),
          newLines: newLines.map((l) => ({ product: l.product.id, qty: l.qty })),
          ...(payments ? { payments } : {}),
          ...(reason.trim() ? { reason: reason.trim() } : {}),
          ...(a ? { approval: a } : {}),
        }),
      );
      if (!result) return;
      setError(null);
      setSaved(t('returns.saved', { number: result.number, lines: result.lines.filter((l) => l.direction === 'return').length, amount: i18n.money(result.totalMinor) }));
      setDone({ number: result.number, changeMinor: result.changeMinor });
      reset();
      if (bill) setView(await api.showBill({ bill: bill.number }));
    } catch (err) {
      setError(t('bills.failed', { error: asApiError(err).message }));
    }
  });

  useWindowKeys((e) => {
    if (document.querySelector('dialog[open]')) return;
    if (e.key === 'F9') {
      e.preventDefault();
      (document.activeElement as HTMLElement | null)?.blur();
      // Let the quantity box that had focus commit before saving.
      window.setTimeout(() => void save(), 0);
    }
  });

  const methods: PaymentMethod[] = ['cash', ...(settings.data?.paymentMethods ?? []).filter((m) => m !== 'cash')];
  return (
    <Screen
      name="returns"
      title={t('counter.nav.returns')}
      intro={t('returns.intro')}
      actions={
        <button className="btn" aria-pressed={noReceipt} onClick={() => setNoReceipt((n) => !n)}>
          {t('returns.noReceipt')}
        </button>
      }
    >
      <div className="stack">
        {!noReceipt && (
          <>
            <form
              className="card card-pad"
              onSubmit={(e) => {
                e.preventDefault();
                if (number.trim()) void open(number.trim());
              }}
            >
              <Field id="return-bill" label={t('returns.bill')}>
                <input id="return-bill" className="input input-xl mono" autoFocus autoComplete="off" spellCheck={false} value={number} onChange={(e) => setNumber(e.target.value)} />
              </Field>
            </form>
            {!view && <BillFinder onOpen={(n) => void open(n)} />}
          </>
        )}
        {error && <Notice kind="error">{error}</Notice>}
        {saved && <Notice kind="ok">{saved}</Notice>}
        {bill && view && (
          <div className="card stack">
            <div className="card-pad">
              <strong>{t('returns.billHead', { number: bill.number, when: dateTime(i18n, bill.occurredAt), total: i18n.money(bill.totalMinor) })}</strong>
              {bill.status === 'voided' && <Notice kind="warn">{t('returns.voided')}</Notice>}
            </div>
            {bill.status === 'completed' && (
              <>
                <ReturnLines bill={bill} returnable={view.returnable} choices={choices} onChange={(lineNo, c) => setChoices((old) => ({ ...old, [lineNo]: c }))} />
                <div className="card-pad btn-row">
                  <button
                    className="btn btn-sm"
                    onClick={() => setChoices(Object.fromEntries(soldLines(bill, view.returnable).map((s) => [s.line.lineNo, { qty: s.returnable, disposition: choices[s.line.lineNo]?.disposition ?? 'restock' }])))}
                  >
                    {t('returns.all')}
                  </button>
                  <VoidBill bill={bill} approval={approval} onVoided={() => void open(bill.number)} />
                </div>
              </>
            )}
          </div>
        )}
        {noReceipt && (
          <div className="card card-pad stack">
            <ExchangeLines id="unreceipted" label={t('returns.noReceiptScan')} lines={unreceipted} onChange={setUnreceipted} />
            <Field id="return-reason" label={t('returns.reason')} hint={t('returns.reasonNeeded')}>
              <input id="return-reason" className="input" autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} />
            </Field>
          </div>
        )}
        {(noReceipt || (bill && bill.status === 'completed')) && (
          <div className="card card-pad stack">
            <ExchangeLines id="exchange" label={t('returns.exchangeScan')} title={t('returns.exchange')} lines={newLines} onChange={setNewLines} />
            <div className="form-row">
              <Field id="refund-by" label={t('returns.refundBy')}>
                <select id="refund-by" className="input" value={refundBy} onChange={(e) => setRefundBy(e.target.value as PaymentMethod)}>
                  <Options items={methods} label={(m) => t(`bills.method.${m}`)} />
                </select>
              </Field>
              <div className="pay-due">
                <span>{net > 0 ? t('returns.toPay') : t('returns.refund')}</span>
                <strong data-testid="return-net">
                  <bdi>{i18n.money(Math.abs(net))}</bdi>
                </strong>
              </div>
              <button className="btn btn-primary btn-lg" onClick={() => void save()}>
                {newLines.length > 0 ? t('returns.saveExchange') : t('returns.save')} <kbd>F9</kbd>
              </button>
            </div>
          </div>
        )}
      </div>
      {done && <ReceiptDialog number={done.number} changeMinor={done.changeMinor} onClose={() => setDone(null)} />}
      {approval.prompt}
    </Screen>
  );
}
