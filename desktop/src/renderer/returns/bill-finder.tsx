import { useState } from 'react';
import type { BillSummary } from '../../core/bills/bills.repository';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { parseAmount } from '../counter/discount';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';

/** No receipt number to hand: find the bill by its day and amount. */
export function BillFinder({ onOpen }: { onOpen: (number: string) => void }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [day, setDay] = useState('');
  const [amount, setAmount] = useState('');
  const [found, setFound] = useState<BillSummary[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const find = async () => {
    const minor = amount.trim() ? parseAmount(amount) : undefined;
    if (minor === null) {
      setError(t('bills.discount.badAmount'));
      return;
    }
    try {
      const from = day ? new Date(`${day}T00:00:00`).toISOString() : undefined;
      const to = day ? new Date(`${day}T23:59:59.999`).toISOString() : undefined;
      setFound(await api.findBills({ kind: 'sale', limit: 20, ...(from ? { from, to } : {}), ...(minor !== undefined ? { amountMinor: minor } : {}) }));
      setError(null);
    } catch (err) {
      setError(asApiError(err).message);
    }
  };
  return (
    <form
      className="card card-pad stack"
      onSubmit={(e) => {
        e.preventDefault();
        void find();
      }}
    >
      <div className="form-row">
        <Field id="find-day" label={t('returns.date')}>
          <input id="find-day" type="date" className="input" value={day} onChange={(e) => setDay(e.target.value)} />
        </Field>
        <Field id="find-amount" label={t('returns.amount')}>
          <input id="find-amount" className="input num" inputMode="decimal" autoComplete="off" value={amount} onChange={(e) => setAmount(e.target.value)} />
        </Field>
        <button className="btn" type="submit">
          {t('returns.find')} <kbd>Enter</kbd>
        </button>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      {found && found.length === 0 && <p className="empty">{t('returns.noneFound')}</p>}
      {found && found.length > 0 && (
        <ul className="pick-list" data-testid="found-bills">
          {found.map((b) => (
            <li key={b.id}>
              <span>
                {t('returns.found', { number: b.number, when: dateTime(i18n, b.occurredAt), total: i18n.money(b.totalMinor) })}
                {!b.thisCounter && <span className="muted"> · {t('returns.otherCounter', { counter: b.counterCode })}</span>}
              </span>
              <button type="button" className="btn btn-sm" onClick={() => onOpen(b.number)}>
                {t('returns.open')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </form>
  );
}
