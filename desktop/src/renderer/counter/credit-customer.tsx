import { creditLimitCheck } from '@bazaar/shared';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { CustomerView } from '../../core/credit/credit.api';
import { useApi } from '../api/api-context';
import { asApiError, useQuery } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Field } from '../ui/field';
import { Notice } from '../ui/notice';
import { parseAmount } from './discount';

interface Props {
  /** What of the bill goes on the account. */
  creditMinor: number;
  chosen: CustomerView | null;
  onChoose: (v: CustomerView | null) => void;
  dueOn: string;
  onDueOn: (day: string) => void;
}

/** "₹500.00" or "no limit". */
export function limitWords(i18n: ReturnType<typeof useI18n>, limitMinor: number | null): string {
  return limitMinor === null ? i18n.t('khata.noLimit') : i18n.money(limitMinor);
}

/**
 * Whose account the credit part of a bill goes on: found by phone or name as typed (↑/↓ and
 * Enter pick), or added here with a name and a phone; then their balance, limit and what is
 * left of it, and an optional due day. Over the limit the sale asks for a manager's PIN.
 */
export function CreditCustomer({ creditMinor, chosen, onChoose, dueOn, onDueOn }: Props) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [adding, setAdding] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const due = useRef<HTMLInputElement>(null);
  const found = useQuery(() => (query.trim() ? api.findCustomers({ query, limit: 8 }) : Promise.resolve([])), [api, query]);
  const results = found.data ?? [];

  useEffect(() => {
    if (chosen) due.current?.focus();
  }, [chosen]);

  const choose = (v: CustomerView | null) => {
    setAdding(false);
    onChoose(v);
    if (!v) window.setTimeout(() => search.current?.focus(), 0);
  };

  const onSearchKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(0, Math.min(results.length - 1, a + (e.key === 'ArrowDown' ? 1 : -1))));
    } else if (e.key === 'Enter' && query.trim()) {
      // Enter picks the highlighted customer, or offers to add one when nobody matches.
      e.preventDefault();
      const pick = results[active];
      if (pick) choose(pick);
      else if (!found.loading) setAdding(true);
    }
  };

  if (chosen) {
    const check = creditLimitCheck(chosen.balanceMinor, chosen.customer.creditLimitMinor, creditMinor);
    return (
      <div className="credit-box" data-testid="credit-customer">
        <div className="credit-chosen">
          <div>
            <strong>{chosen.customer.name}</strong>
            <small>
              <bdi dir="ltr">{chosen.customer.phone}</bdi>
            </small>
          </div>
          <button type="button" className="btn btn-sm" onClick={() => choose(null)}>
            {t('khata.pay.change')}
          </button>
        </div>
        <dl className="credit-facts">
          <dt>{t('khata.balance')}</dt>
          <dd data-testid="credit-balance">
            <bdi>{i18n.money(chosen.balanceMinor)}</bdi>
          </dd>
          <dt>{t('khata.limit')}</dt>
          <dd data-testid="credit-limit">
            <bdi>{limitWords(i18n, chosen.customer.creditLimitMinor)}</bdi>
          </dd>
          <dt>{t('khata.available')}</dt>
          <dd data-testid="credit-available">
            <bdi>{chosen.availableMinor === null ? t('khata.noLimit') : i18n.money(chosen.availableMinor)}</bdi>
          </dd>
          <dt>{t('khata.pay.after')}</dt>
          <dd>
            <bdi>{i18n.money(check.afterMinor)}</bdi>
          </dd>
        </dl>
        {check.overByMinor > 0 && (
          <Notice kind="warn">
            <span data-testid="credit-over">{t('khata.pay.overLimit', { over: i18n.money(check.overByMinor) })}</span>
          </Notice>
        )}
        <Field id="credit-due" label={t('khata.pay.dueOn')} hint={t('khata.pay.dueHint')}>
          <input id="credit-due" ref={due} className="input" type="date" value={dueOn} onChange={(e) => onDueOn(e.target.value)} />
        </Field>
      </div>
    );
  }

  return (
    <div className="credit-box" data-testid="credit-customer">
      {adding ? (
        <NewCustomer start={query} onAdded={choose} onCancel={() => choose(null)} />
      ) : (
        <>
          <Field id="credit-search" label={t('khata.pay.customer')} hint={t('khata.pay.customerHint')}>
            <input
              id="credit-search"
              ref={search}
              className="input"
              autoComplete="off"
              role="combobox"
              aria-expanded={results.length > 0}
              aria-controls="credit-results"
              value={query}
              onChange={(e) => {
                setQuery(e.target.value);
                setActive(0);
              }}
              onKeyDown={onSearchKey}
            />
          </Field>
          {results.length > 0 && (
            <ul className="credit-results" id="credit-results" role="listbox" aria-label={t('khata.pay.customer')}>
              {results.map((v, i) => (
                <li key={v.customer.id} role="option" aria-selected={i === active} onMouseDown={(e) => e.preventDefault()} onClick={() => choose(v)}>
                  <span>{v.customer.name}</span>
                  <bdi dir="ltr">{v.customer.phone}</bdi>
                  <bdi>{i18n.money(v.balanceMinor)}</bdi>
                </li>
              ))}
            </ul>
          )}
          {query.trim() && !found.loading && results.length === 0 && <p className="muted">{t('khata.pay.nobody', { query: query.trim() })}</p>}
          <button type="button" className="btn btn-sm" onClick={() => setAdding(true)}>
            {t('khata.pay.new')}
          </button>
        </>
      )}
    </div>
  );
}

/** A customer added from the payment step: name and phone (a limit if the shop gives one). */
export function NewCustomer({ start, onAdded, onCancel }: { start: string; onAdded: (v: CustomerView) => void; onCancel: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const looksLikePhone = /^[+\d][\d\s-]*$/.test(start.trim());
  const [name, setName] = useState(looksLikePhone ? '' : start.trim());
  const [phone, setPhone] = useState(looksLikePhone ? start.trim() : '');
  const [limit, setLimit] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const add = async () => {
    const limitMinor = limit.trim() ? parseAmount(limit) : null;
    if (limit.trim() && limitMinor === null) {
      setError(t('bills.discount.badAmount'));
      return;
    }
    setBusy(true);
    try {
      onAdded(await api.addCustomer({ name, phone, creditLimitMinor: limitMinor }));
    } catch (err) {
      setError(asApiError(err).message);
    } finally {
      setBusy(false);
    }
  };
  // The payment form is around this one: Enter here adds the customer instead of paying.
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      if (!busy) void add();
    }
  };
  return (
    <div className="stack" data-testid="credit-new">
      <div className="form-row">
        <Field id="credit-new-name" label={t('khata.field.name')}>
          <input id="credit-new-name" className="input" autoFocus autoComplete="off" value={name} onChange={(e) => setName(e.target.value)} onKeyDown={onKey} />
        </Field>
        <Field id="credit-new-phone" label={t('khata.field.phone')}>
          <input id="credit-new-phone" className="input" inputMode="tel" autoComplete="off" value={phone} onChange={(e) => setPhone(e.target.value)} onKeyDown={onKey} />
        </Field>
        <Field id="credit-new-limit" label={t('khata.field.limit')} hint={t('khata.field.limitHint')}>
          <input id="credit-new-limit" className="input num" inputMode="decimal" autoComplete="off" value={limit} onChange={(e) => setLimit(e.target.value)} onKeyDown={onKey} />
        </Field>
      </div>
      {error && <Notice kind="error">{error}</Notice>}
      <div className="row">
        <button type="button" className="btn btn-primary btn-sm" disabled={busy} onClick={() => void add()}>
          {t('khata.pay.add')} <kbd>Enter</kbd>
        </button>
        <button type="button" className="btn btn-sm" onClick={onCancel}>
          {t('khata.cancel')}
        </button>
      </div>
    </div>
  );
}
