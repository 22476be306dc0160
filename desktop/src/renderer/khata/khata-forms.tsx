import type { RepaymentMethod } from '@bazaar/shared';
import { useState } from 'react';
import type { CustomerView } from '../../core/credit/credit.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { parseAmount } from '../counter/discount';
import { useI18n } from '../i18n/i18n-context';
import { useApproval } from '../ui/approval.dialog';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { Options } from '../ui/options';
import { useSaveAction } from '../ui/use-save-action';
import { signedAmount } from './khata-words';

type Said = { kind: 'ok' | 'error'; text: string } | null;

/** Money a customer pays back, part or all, by cash or another of the store's methods. */
export function ReceivePaymentForm({ view, onDone }: { view: CustomerView; onDone: () => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const settings = useQuery(() => api.billSettings(), [api]);
  const methods = (settings.data?.paymentMethods ?? ['cash']).filter((m): m is RepaymentMethod => m !== 'credit');
  const [amount, setAmount] = useState('');
  const [method, setMethod] = useState<RepaymentMethod>('cash');
  const [said, setSaid] = useState<Said>(null);
  const { busy, run } = useSaveAction((error) => setSaid({ kind: 'error', text: t('khata.failed', { error }) }));
  const save = async () => {
    const minor = parseAmount(amount);
    if (minor === null || minor <= 0) {
      setSaid({ kind: 'error', text: t('bills.discount.badAmount') });
      return;
    }
    await run(async () => {
      const r = await api.receivePayment({ customer: view.customer.id, amountMinor: minor, method });
      setAmount('');
      setSaid({ kind: 'ok', text: t('khata.receive.done', { amount: i18n.money(minor), name: view.customer.name, balance: i18n.money(r.balanceMinor) }) });
      onDone();
    });
  };
  return (
    <form
      className="stack"
      aria-label={t('khata.receive.title')}
      onSubmit={(e) => {
        e.preventDefault();
        if (!busy) void save();
      }}
    >
      <h3 className="section-title">{t('khata.receive.title')}</h3>
      <div className="form-row">
        <Field id="khata-pay-amount" label={t('khata.receive.amount')}>
          <input id="khata-pay-amount" className="input num" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field id="khata-pay-method" label={t('khata.receive.method')}>
          <select id="khata-pay-method" className="select" value={method} onChange={(e) => setMethod(e.target.value as RepaymentMethod)}>
            <Options items={methods} label={(m) => t(`bills.method.${m}`)} />
          </select>
        </Field>
      </div>
      {said && <Notice kind={said.kind}>{said.text}</Notice>}
      <div>
        <button className="btn btn-primary" type="submit" disabled={busy}>
          {t('khata.receive.save')} <kbd>Enter</kbd>
        </button>
      </div>
    </form>
  );
}

/** A manager's correction with a reason, or the opening balance from the paper khata; staff are asked for a manager's PIN. */
export function AdjustForm({ view, onDone }: { view: CustomerView; onDone: () => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const approval = useApproval();
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [opening, setOpening] = useState(false);
  const [said, setSaid] = useState<Said>(null);
  const { run } = useSaveAction((error) => setSaid({ kind: 'error', text: t('khata.failed', { error }) }));
  const save = async () => {
    const minor = signedAmount(amount, parseAmount);
    if (minor === null) {
      setSaid({ kind: 'error', text: t('khata.adjust.badAmount') });
      return;
    }
    await run(async () => {
      const r = await approval.run((a) => api.adjustBalance({ customer: view.customer.id, amountMinor: minor, reason, opening, ...(a ? { approval: a } : {}) }));
      if (!r) return;
      setAmount('');
      setReason('');
      setOpening(false);
      setSaid({ kind: 'ok', text: t('khata.adjust.done', { name: view.customer.name, amount: i18n.money(minor), balance: i18n.money(r.balanceMinor) }) });
      onDone();
    });
  };
  return (
    <>
    <form
      className="stack"
      aria-label={t('khata.adjust.title')}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3 className="section-title">{t('khata.adjust.title')}</h3>
      <div className="form-row">
        <Field id="khata-adjust-amount" label={t('khata.adjust.amount')}>
          <input id="khata-adjust-amount" className="input num" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <Field id="khata-adjust-reason" label={t('khata.adjust.reason')}>
          <input id="khata-adjust-reason" className="input" autoComplete="off" value={reason} onChange={(e) => setReason(e.target.value)} />
        </Field>
      </div>
      <label className="row">
        <input type="checkbox" checked={opening} onChange={(e) => setOpening(e.target.checked)} />
        {t('khata.adjust.opening')}
      </label>
      {said && <Notice kind={said.kind}>{said.text}</Notice>}
      <div>
        <button className="btn" type="submit">
          {t('khata.adjust.save')}
        </button>
      </div>
    </form>
    {approval.prompt}
    </>
  );
}
