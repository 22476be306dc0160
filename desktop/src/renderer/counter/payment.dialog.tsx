import type { PaymentMethod } from '@bazaar/shared';
import { useState } from 'react';
import type { CustomerView } from '../../core/credit/credit.api';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from '../ui/dialog';
import { Notice } from '../ui/notice';
import { CreditCustomer } from './credit-customer';
import { creditChoice, creditMinorOf, paymentPlan, type CreditChoice, type PaymentEntry } from './payment';

interface Props {
  due: number;
  /** The store's methods besides cash (bill settings). */
  methods: readonly PaymentMethod[];
  busy: boolean;
  error: string | null;
  /** `credit`: whose account the part paid by "credit" goes on (issue 20). */
  onPay: (payments: PaymentEntry[], credit: CreditChoice | null) => void;
  onClose: () => void;
}

/** The payment step of a sale: cash tendered and change, other methods, split over several, a part on a customer's account. */
export function PaymentDialog({ due, methods, busy, error, onPay, onClose }: Props) {
  const i18n = useI18n();
  const { t } = i18n;
  const [typed, setTyped] = useState<Partial<Record<PaymentMethod, string>>>({});
  const [customer, setCustomer] = useState<CustomerView | null>(null);
  const [dueOn, setDueOn] = useState('');
  const plan = paymentPlan(due, typed, methods);
  const creditMinor = creditMinorOf(plan.payments);
  const credit = creditChoice(plan.payments, customer?.customer.id ?? null, dueOn);
  const ready = plan.ok && credit !== 'needs-customer';
  const submit = () => {
    if (!busy && ready) onPay(plan.payments, credit);
  };
  const rows: PaymentMethod[] = ['cash', ...methods.filter((m) => m !== 'cash')];
  return (
    <Dialog
      title={t('bills.pay.title')}
      open
      testId="payment"
      onClose={onClose}
      footer={
        <button className="btn btn-primary btn-lg" disabled={busy || !ready} onClick={submit}>
          {busy ? t('common.saving') : t('bills.pay.complete')} <kbd>Enter</kbd>
        </button>
      }
    >
      <form
        className="pay-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="pay-due">
          <span>{t('bills.pay.due')}</span>
          <strong data-testid="pay-due">
            <bdi>{i18n.money(due)}</bdi>
          </strong>
        </div>
        <div className="pay-rows">
          {rows.map((m, i) => (
            <div className="pay-row" key={m}>
              <label htmlFor={`pay-${m}`}>{m === 'cash' ? t('bills.pay.cashTendered') : t('bills.pay.amountBy', { method: t(`bills.method.${m}`) })}</label>
              <input
                id={`pay-${m}`}
                className="input input-lg num"
                inputMode="decimal"
                autoComplete="off"
                autoFocus={i === 0}
                data-autofocus={i === 0 ? true : undefined}
                placeholder={m === 'cash' ? i18n.money(plan.cashDue) : ''}
                value={typed[m] ?? ''}
                aria-invalid={plan.bad.includes(m) ? 'true' : undefined}
                onChange={(e) => setTyped((old) => ({ ...old, [m]: e.target.value }))}
              />
            </div>
          ))}
        </div>
        <p className="field-hint">{t('bills.pay.cashHint')}</p>
        {creditMinor > 0 && <CreditCustomer creditMinor={creditMinor} chosen={customer} onChoose={setCustomer} dueOn={dueOn} onDueOn={setDueOn} />}
        <dl className="pay-summary">
          <dt>{t('bills.pay.cashDue')}</dt>
          <dd data-testid="pay-cash-due">
            <bdi>{i18n.money(plan.cashDue)}</bdi>
          </dd>
          {plan.shortMinor > 0 ? (
            <>
              <dt>{t('bills.pay.short')}</dt>
              <dd className="pay-short" data-testid="pay-short">
                <bdi>{i18n.money(plan.shortMinor)}</bdi>
              </dd>
            </>
          ) : (
            <>
              <dt>{t('bills.pay.change')}</dt>
              <dd className="pay-change" data-testid="pay-change">
                <bdi>{i18n.money(plan.changeMinor)}</bdi>
              </dd>
            </>
          )}
        </dl>
        {plan.overpaid && <Notice kind="warn">{t('bills.pay.tooMuch')}</Notice>}
        {credit === 'needs-customer' && <p className="muted">{t('khata.pay.pickFirst')}</p>}
        {error && <Notice kind="error">{error}</Notice>}
        <p className="muted">{t('bills.pay.hint')}</p>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
