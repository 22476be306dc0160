import { entryLabel, statementReminderText, statementText, waMeLink } from '@bazaar/shared';
import type { CustomerStatementView } from '../../core/credit/credit.api';
import { useApi } from '../api/api-context';
import { NetworkPrint } from '../bills/receipt.printer';
import { useI18n } from '../i18n/i18n-context';
import { statementDay } from './khata-words';

/**
 * A customer's statement: opening balance, each bill and payment with the running balance,
 * closing balance, in local dates and the reader's money. The same block is the print view:
 * Print (or save as PDF) prints it alone on a page with the store and the customer on top.
 */
export function CustomerStatement({ view }: { view: CustomerStatementView }) {
  const i18n = useI18n();
  const { t } = i18n;
  const s = view.statement;
  return (
    <div className="print-area statement-sheet" data-testid="statement">
      <div className="print-only statement-head">
        <strong>{view.storeName}</strong>
        <span>{t('credit.statement.title')}</span>
        <span>
          {view.customer.name} · <bdi dir="ltr">{view.customer.phone}</bdi>
        </span>
        <small>{t('khata.statement.printedAt', { date: i18n.dateTime(Date.now(), { day: 'numeric', month: 'short', year: 'numeric' }) })}</small>
      </div>
      <table className="table statement-table">
        <thead>
          <tr>
            <th>{t('khata.statement.date')}</th>
            <th>{t('khata.statement.entry')}</th>
            <th className="num">{t('khata.statement.amount')}</th>
            <th className="num">{t('khata.balance')}</th>
          </tr>
        </thead>
        <tbody>
          <tr className="statement-total">
            <td />
            <td>{t('credit.statement.opening')}</td>
            <td />
            <td className="num nowrap">{i18n.money(s.openingMinor)}</td>
          </tr>
          {s.lines.length === 0 && (
            <tr>
              <td colSpan={4} className="muted">
                {t(s.from || s.to ? 'khata.statement.emptyPeriod' : 'khata.statement.empty')}
              </td>
            </tr>
          )}
          {s.lines.map((l) => (
            <tr key={l.entry.id}>
              <td className="nowrap">{statementDay(i18n, l.day)}</td>
              <td>{entryLabel(l.entry, i18n)}</td>
              <td className={`num nowrap ${l.entry.amountMinor < 0 ? 'qty-ok' : ''}`}>{i18n.money(l.entry.amountMinor)}</td>
              <td className="num nowrap">{i18n.money(l.balanceMinor)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td />
            <td>{t('credit.statement.billed')}</td>
            <td className="num nowrap">{i18n.money(s.billedMinor)}</td>
            <td />
          </tr>
          <tr>
            <td />
            <td>{t('credit.statement.paid')}</td>
            <td className="num nowrap">{i18n.money(s.paidMinor)}</td>
            <td />
          </tr>
          <tr className="statement-total">
            <td />
            <td>{t('credit.statement.closing')}</td>
            <td />
            <td className="num nowrap" data-testid="statement-closing">
              {i18n.money(s.closingMinor)}
            </td>
          </tr>
          {view.elsewhereMinor !== 0 && !s.to && (
            <>
              <tr>
                <td />
                <td>{t('credit.statement.elsewhere')}</td>
                <td />
                <td className="num nowrap">{i18n.money(view.elsewhereMinor)}</td>
              </tr>
              <tr className="statement-total">
                <td />
                <td>{t('credit.statement.whole')}</td>
                <td />
                <td className="num nowrap" data-testid="statement-whole">
                  {i18n.money(s.closingMinor + view.elsewhereMinor)}
                </td>
              </tr>
            </>
          )}
        </tfoot>
      </table>
    </div>
  );
}

/** The statement on the receipt printer (the text the core prints, in this reader's words) and as a page to print or save as PDF. */
export function StatementPrint({ view, period }: { view: CustomerStatementView; period: { from?: string; to?: string } }) {
  const api = useApi();
  const i18n = useI18n();
  return (
    <div className="row-wrap">
      <button className="btn" type="button" onClick={() => window.print()} data-testid="statement-pdf">
        {i18n.t('khata.print.pdf')} <kbd>Ctrl+P</kbd>
      </button>
      <NetworkPrint
        textFor={async (paper) => statementText({ name: view.storeName }, view.customer, view.statement, i18n, paper, view.elsewhereMinor)}
        send={(paper, raster) => api.printStatement({ customer: view.customer.id, ...period, width: paper, locale: i18n.locale, currency: i18n.currency.code, ...(raster ? { raster } : {}) })}
      />
    </div>
  );
}

/** What the shopkeeper sends: the balance and the last bills, and a wa.me link to the customer's own chat. */
export function Reminder({ view }: { view: CustomerStatementView }) {
  const i18n = useI18n();
  const text = statementReminderText(view.customer, view.statement, i18n, { storeName: view.storeName, elsewhereMinor: view.elsewhereMinor });
  return (
    <div className="stack">
      <pre className="reminder-text" data-testid="reminder-text">
        {text}
      </pre>
      <a className="btn" href={waMeLink(view.customer.phone, text, i18n.currency.code)} target="_blank" rel="noopener noreferrer" data-testid="reminder-whatsapp">
        {i18n.t('khata.remind.whatsapp')}
      </a>
    </div>
  );
}
