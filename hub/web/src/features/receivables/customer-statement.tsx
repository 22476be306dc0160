import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ageingBuckets, type CustomerDetail } from '@bazaar/shared';
import { errorMessage } from '../../api/api-error';
import { Dialog } from '../../components/dialog';
import { Field } from '../../components/field';
import { useI18n } from '../../i18n/i18n-context';
import { storeDay } from '../purchases/purchase-labels';
import { CustomerReminder } from './customer-reminder';
import { StatementPrint } from './statement-print';
import { balanceText, entryText } from './receivables.labels';
import { receivablesApi } from './receivables.api';

function Body({ d, from, to, setFrom, setTo }: { d: CustomerDetail; from: string; to: string; setFrom: (v: string) => void; setTo: (v: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = d.statement;
  const fact = (label: string, value: string, testId?: string) => (
    <div key={label} data-testid={testId}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
  const money = (minor: number) => (minor === 0 ? '' : i18n.money(Math.abs(minor)));
  // On a phone one column: + what was billed, − what was paid.
  const signed = (minor: number) => `${minor > 0 ? '+' : '−'}${i18n.money(Math.abs(minor))}`;
  return (
    <>
      <dl className="facts">
        {fact(t('web.statement.phone'), d.customer.phone)}
        {fact(t('web.receivables.balance'), balanceText(i18n, d.balanceMinor), 'statement-balance')}
        {fact(t('web.receivables.overdue'), d.overdueMinor > 0 ? t('web.statement.overdueSince', { amount: i18n.money(d.overdueMinor), days: d.daysOverdue }) : t('web.statement.nothingOverdue'))}
        {fact(t('web.statement.limit'), d.customer.creditLimitMinor === null ? t('web.statement.noLimit') : i18n.money(d.customer.creditLimitMinor))}
      </dl>
      <h3>{t('web.statement.ageing')}</h3>
      <dl className="facts" data-testid="statement-ageing">
        {ageingBuckets.map((b) => fact(t(`credit.ageing.${b}`), i18n.money(d.ageing[b])))}
      </dl>
      <div className="inline-fields">
        <Field label={t('common.from')}>{(id) => <input id={id} type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label={t('common.to')}>{(id) => <input id={id} type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} />}</Field>
        <button type="button" className="btn" onClick={() => window.print()} data-testid="statement-print-button">
          {t('web.statementPrint.print')}
        </button>
      </div>
      <StatementPrint d={d} />
      <div className="table-scroll">
        <table className="data-table" data-testid="statement-lines">
          <caption>{s.from || s.to ? `${t('credit.statement.title')}: ${t('credit.statement.period', { from: storeDay(i18n, s.from), to: storeDay(i18n, s.to) })}` : t('credit.statement.title')}</caption>
          <thead>
            <tr>
              <th className="minor">{t('web.receivables.day')}</th>
              <th>{t('web.statement.entry')}</th>
              <th className="align-right minor">{t('web.statement.billed')}</th>
              <th className="align-right minor">{t('web.statement.paid')}</th>
              <th className="align-right phone-only">{t('web.statement.amount')}</th>
              <th className="align-right">{t('web.receivables.balance')}</th>
            </tr>
          </thead>
          <tbody>
            <tr className="statement-total">
              <td className="minor">{s.from ? storeDay(i18n, s.from) : ''}</td>
              <td>{t('credit.statement.opening')}</td>
              <td className="minor" />
              <td className="minor" />
              <td className="phone-only" />
              <td className="align-right">{balanceText(i18n, s.openingMinor)}</td>
            </tr>
            {s.lines.length === 0 && (
              <tr>
                <td colSpan={6} className="muted">
                  {t('web.statement.none')}
                </td>
              </tr>
            )}
            {s.lines.map((l) => {
              const e = entryText(i18n, l.entry);
              return (
                <tr key={l.entry.id}>
                  <td className="minor">{storeDay(i18n, l.day)}</td>
                  <td className="wrap">
                    <span className="cell-sub phone-only">{storeDay(i18n, l.day)}</span>
                    <bdi>{e.what}</bdi>
                    {e.sub.length > 0 && <span className="cell-sub">{e.sub.join(' · ')}</span>}
                  </td>
                  <td className="align-right minor">{l.entry.amountMinor > 0 ? money(l.entry.amountMinor) : ''}</td>
                  <td className="align-right minor">{l.entry.amountMinor < 0 ? money(l.entry.amountMinor) : ''}</td>
                  <td className="align-right phone-only">{signed(l.entry.amountMinor)}</td>
                  <td className="align-right">{balanceText(i18n, l.balanceMinor)}</td>
                </tr>
              );
            })}
            <tr className="statement-total">
              <td className="minor">{s.to ? storeDay(i18n, s.to) : ''}</td>
              <td>{t('credit.statement.closing')}</td>
              <td className="align-right minor">{i18n.money(s.billedMinor)}</td>
              <td className="align-right minor">{i18n.money(s.paidMinor)}</td>
              <td className="phone-only" />
              <td className="align-right">{balanceText(i18n, s.closingMinor)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <CustomerReminder d={d} />
    </>
  );
}

/** One customer's khata as head office reads it: balance, overdue and ageing, then the statement (opening, each entry on its store day with the running balance, closing). */
export function CustomerStatement({ customerId, onClose }: { customerId: string | null; onClose(): void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const query = { from: from || undefined, to: to || undefined };
  const q = useQuery({
    queryKey: ['customers', 'one', customerId, query],
    queryFn: () => receivablesApi.customer(customerId!, query),
    enabled: !!customerId,
    // A new period keeps the old lines in view until the new ones come; another customer never shows the last one's.
    placeholderData: (prev, prevQuery) => (prevQuery?.queryKey[2] === customerId ? prev : undefined),
  });
  const close = () => {
    setFrom('');
    setTo('');
    onClose();
  };
  const d = q.data;
  return (
    <Dialog title={d ? t('web.statement.title', { name: d.customer.name, store: d.storeName }) : t('credit.statement.title')} open={!!customerId} onClose={close} wide>
      {q.isLoading && <p>{t('common.loading')}</p>}
      {q.error && <p className="form-error">{errorMessage(q.error)}</p>}
      {d && <Body d={d} from={from} to={to} setFrom={setFrom} setTo={setTo} />}
    </Dialog>
  );
}
