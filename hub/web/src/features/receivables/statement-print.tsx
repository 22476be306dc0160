import { createPortal } from 'react-dom';
import { todayIn, type CustomerDetail } from '@bazaar/shared';
import { useI18n } from '../../i18n/i18n-context';
import { storeDay } from '../purchases/purchase-labels';
import { balanceText, entryText } from './receivables.labels';

/**
 * The statement as paper (or the PDF the browser's print dialog saves): the store, the customer,
 * the period and currency, opening balance, each bill and payment with the running balance, the
 * totals and the closing balance. Hidden on screen; in print it is the only thing on the page
 * (styles.css, "Customer statement, printed"), outside the app so no dialog or menu comes along.
 */
export function StatementPrint({ d }: { d: CustomerDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = d.statement;
  const first = s.from ?? s.lines[0]?.day ?? null;
  const last = s.to ?? todayIn(Date.now(), d.timeZone);
  const amount = (minor: number) => (minor === 0 ? '' : i18n.money(Math.abs(minor)));
  return createPortal(
    <section className="statement-print" data-testid="statement-print" aria-hidden="true">
      <header>
        <h1>{d.storeName}</h1>
        <p className="statement-print-store">{d.storeCode}</p>
        <h2>{t('credit.statement.title')}</h2>
        <dl>
          <div>
            <dt>{t('web.statementPrint.customer')}</dt>
            <dd>
              <bdi>{d.customer.name}</bdi> · <bdi>{d.customer.phone}</bdi>
            </dd>
          </div>
          <div>
            <dt>{t('web.statementPrint.period')}</dt>
            <dd data-testid="statement-print-period">{t('credit.statement.period', { from: storeDay(i18n, first), to: storeDay(i18n, last) })}</dd>
          </div>
          <div>
            <dt>{t('web.statementPrint.currency')}</dt>
            <dd data-testid="statement-print-currency">{i18n.currency.code}</dd>
          </div>
        </dl>
      </header>
      <table>
        <thead>
          <tr>
            <th>{t('web.receivables.day')}</th>
            <th>{t('web.statement.entry')}</th>
            <th className="num">{t('web.statement.billed')}</th>
            <th className="num">{t('web.statement.paid')}</th>
            <th className="num">{t('web.receivables.balance')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="statement-print-total">
            <td>{storeDay(i18n, first)}</td>
            <td>{t('credit.statement.opening')}</td>
            <td />
            <td />
            <td className="num">{balanceText(i18n, s.openingMinor)}</td>
          </tr>
          {s.lines.map((l) => {
            const e = entryText(i18n, l.entry);
            return (
              <tr key={l.entry.id}>
                <td>{storeDay(i18n, l.day)}</td>
                <td>
                  <bdi>{e.what}</bdi>
                  {e.sub.length > 0 && <span className="statement-print-sub">{e.sub.join(' · ')}</span>}
                </td>
                <td className="num">{l.entry.amountMinor > 0 ? amount(l.entry.amountMinor) : ''}</td>
                <td className="num">{l.entry.amountMinor < 0 ? amount(l.entry.amountMinor) : ''}</td>
                <td className="num">{balanceText(i18n, l.balanceMinor)}</td>
              </tr>
            );
          })}
          <tr className="statement-print-total">
            <td>{storeDay(i18n, last)}</td>
            <td>{t('credit.statement.closing')}</td>
            <td className="num">{i18n.money(s.billedMinor)}</td>
            <td className="num">{i18n.money(s.paidMinor)}</td>
            <td className="num" data-testid="statement-print-closing">
              {balanceText(i18n, s.closingMinor)}
            </td>
          </tr>
        </tbody>
      </table>
      <dl className="statement-print-summary">
        <div>
          <dt>{t('credit.statement.opening')}</dt>
          <dd>{balanceText(i18n, s.openingMinor)}</dd>
        </div>
        <div>
          <dt>{t('credit.statement.billed')}</dt>
          <dd>{i18n.money(s.billedMinor)}</dd>
        </div>
        <div>
          <dt>{t('credit.statement.paid')}</dt>
          <dd>{i18n.money(s.paidMinor)}</dd>
        </div>
        <div>
          <dt>{t('credit.statement.closing')}</dt>
          <dd>{balanceText(i18n, s.closingMinor)}</dd>
        </div>
      </dl>
      <p className="statement-print-foot">{t('web.statementPrint.printed', { day: storeDay(i18n, todayIn(Date.now(), d.timeZone)) })}</p>
    </section>,
    document.body,
  );
}
