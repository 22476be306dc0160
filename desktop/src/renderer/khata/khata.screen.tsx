import { useState } from 'react';
import type { CustomerView } from '../../core/credit/credit.api';
import { useApi } from '../api/api-context';
import { useQuery } from '../api/use-query';
import { limitWords, NewCustomer } from '../counter/credit-customer';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from '../ui/notice';
import { Screen } from '../ui/screen';
import { CustomerStatement, Reminder, StatementPrint } from './customer-statement';
import { CustomerEditForm, StatementPeriodPicker, type StatementPeriod } from './khata-edit';
import { AdjustForm, ReceivePaymentForm } from './khata-forms';
import { statementDay } from './khata-words';

type Filter = 'all' | 'owing' | 'overdue';
const filters: Filter[] = ['all', 'owing', 'overdue'];

/** The khata (issue 20): who owes what, one customer's statement, a payment, an adjustment, a reminder, the statement printed. */
export function KhataScreen({ canSetLimit }: { canSetLimit: boolean }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [query, setQuery] = useState('');
  const [filter, setFilter] = useState<Filter>('all');
  const [picked, setPicked] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [tick, setTick] = useState(0);
  const list = useQuery(
    () => (filter === 'all' ? api.findCustomers({ query, limit: 200 }) : api.receivables({ overdueOnly: filter === 'overdue', limit: 200 })),
    [api, query, filter, tick],
  );
  // Owing and overdue come from the receivables; the search box narrows them here.
  const q = query.trim().toLowerCase();
  const digits = q.replace(/[^0-9]/g, '');
  const rows = (list.data ?? []).filter((v) => filter === 'all' || !q || v.customer.name.toLowerCase().includes(q) || (digits.length > 0 && v.customer.phone.includes(digits)));
  const changed = () => setTick((n) => n + 1);

  return (
    <Screen
      name="khata"
      title={t('counter.nav.khata')}
      intro={t('khata.intro')}
      actions={
        <button className="btn btn-primary" onClick={() => setAdding(true)}>
          {t('khata.pay.new')}
        </button>
      }
    >
      {adding && (
        <div className="card card-pad">
          <NewCustomer
            start=""
            onAdded={(v) => {
              setAdding(false);
              setPicked(v.customer.id);
              changed();
            }}
            onCancel={() => setAdding(false)}
          />
        </div>
      )}
      <div className="khata-layout">
        <div className="card">
          <div className="card-pad stack">
            <input className="input" type="search" aria-label={t('khata.search')} placeholder={t('khata.search')} value={query} onChange={(e) => setQuery(e.target.value)} autoFocus />
            <div className="segmented" role="group" aria-label={t('khata.filter.label')}>
              {filters.map((f) => (
                <button key={f} type="button" aria-pressed={filter === f} onClick={() => setFilter(f)}>
                  {t(`khata.filter.${f}`)}
                </button>
              ))}
            </div>
          </div>
          {list.error && <Notice kind="error">{list.error.message}</Notice>}
          {rows.length === 0 ? (
            <div className="empty">{t('khata.none')}</div>
          ) : (
            <CustomerList rows={rows} picked={picked} onPick={setPicked} />
          )}
        </div>
        {picked ? <CustomerDetail id={picked} tick={tick} onChanged={changed} canSetLimit={canSetLimit} /> : <div className="card card-pad muted">{t('khata.pick')}</div>}
      </div>
    </Screen>
  );
}

function CustomerList({ rows, picked, onPick }: { rows: CustomerView[]; picked: string | null; onPick: (id: string) => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="khata-list">
        <thead>
          <tr>
            <th>{t('khata.col.customer')}</th>
            <th className="num">{t('khata.col.balance')}</th>
            <th className="num">{t('khata.col.overdue')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.customer.id} className={v.customer.id === picked ? 'row-selected' : undefined} aria-selected={v.customer.id === picked}>
              <td>
                <button className="btn btn-ghost btn-sm khata-name" onClick={() => onPick(v.customer.id)}>
                  <span className="cell-strong">{v.customer.name}</span>
                  <bdi dir="ltr" className="cell-sub">
                    {v.customer.phone}
                  </bdi>
                </button>
              </td>
              <td className="num nowrap">{i18n.money(v.balanceMinor)}</td>
              <td className={`num nowrap ${v.overdue.overdueMinor > 0 ? 'qty-out' : ''}`}>{v.overdue.overdueMinor > 0 ? i18n.money(v.overdue.overdueMinor) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CustomerDetail({ id, tick, onChanged, canSetLimit }: { id: string; tick: number; onChanged: () => void; canSetLimit: boolean }) {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [editing, setEditing] = useState(false);
  const [period, setPeriod] = useState<StatementPeriod>({});
  const shown = useQuery(() => api.showCustomer({ customer: id, ...period }), [api, id, tick, period.from, period.to]);
  const view = shown.data;
  if (shown.error) return <Notice kind="error">{shown.error.message}</Notice>;
  if (!view || view.customer.id !== id) return <div className="card card-pad muted">{t('common.loading')}</div>;
  const c = view.customer;
  return (
    <div className="stack" data-testid="khata-customer">
      {editing ? (
        <div className="card card-pad">
          <CustomerEditForm
            view={view}
            canSetLimit={canSetLimit}
            onDone={() => {
              setEditing(false);
              onChanged();
            }}
            onCancel={() => setEditing(false)}
          />
        </div>
      ) : null}
      <div className="card card-pad stack">
        <div className="row-wrap khata-customer-head">
          <div>
            <h2 className="no-margin">{c.name}</h2>
            <bdi dir="ltr" className="muted">
              {c.phone}
            </bdi>
            {c.address && <div className="muted" data-testid="khata-address">{c.address}</div>}
            {c.note && <div className="muted" data-testid="khata-note">{c.note}</div>}
          </div>
          {!editing && (
            <button className="btn btn-sm" type="button" onClick={() => setEditing(true)}>
              {t('khata.edit.open')}
            </button>
          )}
        </div>
        <dl className="credit-facts">
          <dt>{t('khata.balance')}</dt>
          <dd data-testid="khata-balance">{i18n.money(view.balanceMinor)}</dd>
          {view.elsewhereMinor !== 0 && (
            <>
              <dt>{t('khata.elsewhere')}</dt>
              <dd data-testid="khata-elsewhere">{i18n.money(view.elsewhereMinor)}</dd>
            </>
          )}
          <dt>{t('khata.limit')}</dt>
          <dd data-testid="khata-limit">{limitWords(i18n, c.creditLimitMinor)}</dd>
          <dt>{t('khata.available')}</dt>
          <dd>{view.availableMinor === null ? t('khata.noLimit') : i18n.money(view.availableMinor)}</dd>
          {view.overdue.overdueMinor > 0 && view.overdue.oldestDueDay && (
            <>
              <dt>{t('khata.overdue')}</dt>
              <dd className="qty-out">
                {t('khata.overdueSince', { amount: i18n.money(view.overdue.overdueMinor), days: view.overdue.daysOverdue })} ({statementDay(i18n, view.overdue.oldestDueDay)})
              </dd>
            </>
          )}
        </dl>
      </div>
      <div className="card card-pad stack">
        <div className="row-wrap khata-statement-head">
          <h3 className="section-title no-margin">{t('credit.statement.title')}</h3>
          <StatementPrint view={view} period={period} />
        </div>
        <StatementPeriodPicker period={period} onChange={setPeriod} />
        <CustomerStatement view={view} />
      </div>
      <div className="khata-actions">
        <div className="card card-pad">
          <ReceivePaymentForm view={view} onDone={onChanged} />
        </div>
        <div className="card card-pad">
          <AdjustForm view={view} onDone={onChanged} />
        </div>
      </div>
      <div className="card card-pad stack">
        <h3 className="section-title no-margin">{t('khata.remind.title')}</h3>
        <Reminder view={view} />
      </div>
    </div>
  );
}
