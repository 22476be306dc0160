import type { AuditEntry, ChainVerification, Translator } from '@bazaar/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';

/** A short, readable account of what changed, from the entry's after/before JSON. */
function describe(t: Translator, e: AuditEntry): string {
  const after = e.after as Record<string, unknown> | null;
  if (!after || typeof after !== 'object') return e.entityId ?? '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    // Ids and hashes mean nothing to a shopkeeper; names, SKUs and amounts do.
    if (v === null || /id$/i.test(k) || k === 'archived') continue;
    if (Array.isArray(v)) parts.push(`${v.length} ${k}`);
    else if (typeof v !== 'object') parts.push(`${k}: ${/paise$/i.test(k) && typeof v === 'number' ? t.money(v) : String(v)}`);
    if (parts.length >= 5) break;
  }
  return parts.join(' · ');
}

export function AuditTab() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [action, setAction] = useState('');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<ChainVerification | null>(null);

  useEffect(() => {
    let stale = false;
    const timer = window.setTimeout(() => {
      api.auditLog({ action: action.trim() || undefined, limit: 50 }).then(
        (r) => {
          if (stale) return;
          setItems(r.items);
          setCursor(r.nextCursor);
          setError(null);
        },
        (err: unknown) => !stale && setError(asApiError(err).message),
      );
    }, 150);
    return () => {
      stale = true;
      window.clearTimeout(timer);
    };
  }, [api, action]);

  const more = async () => {
    if (!cursor) return;
    const r = await api.auditLog({ action: action.trim() || undefined, limit: 50, cursor });
    setItems((old) => [...old, ...r.items]);
    setCursor(r.nextCursor);
  };

  return (
    <div className="card">
      <div className="card-pad row-wrap filters">
        <div className="field grow">
          <label htmlFor="a-action">{t('common.action')}</label>
          <input id="a-action" className="input" placeholder={t('history.actionExample')} value={action} onChange={(e) => setAction(e.target.value)} />
        </div>
        <button
          className="btn"
          onClick={() =>
            void api.verifyAudit({ full: true }).then(setVerify, (err: unknown) => setError(asApiError(err).message))
          }
        >
          {t('history.verify')}
        </button>
      </div>
      {verify && (
        <div className="card-pad">
          {verify.ok ? (
            <Notice kind="ok">{t('history.intact', { count: verify.checked })}</Notice>
          ) : (
            <Notice kind="error">
              {t('history.tampered', { id: verify.firstBroken?.id, reason: verify.firstBroken?.reason })}
            </Notice>
          )}
        </div>
      )}
      {error && (
        <div className="card-pad">
          <Notice kind="error">{error}</Notice>
        </div>
      )}
      <div className="table-wrap">
        {items.length === 0 ? (
          <div className="empty">{t('history.noAudit')}</div>
        ) : (
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th>{t('common.when')}</th>
                <th>{t('common.who')}</th>
                <th>{t('common.action')}</th>
                <th>{t('common.details')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="muted">{dateTime(i18n, e.at)}</td>
                  <td>{e.actorName ?? <span className="muted">{t('history.system')}</span>}</td>
                  <td>
                    <span className="cell-strong">{e.action}</span>
                    <span className="cell-sub">{e.entity}</span>
                  </td>
                  <td className="audit-details">{describe(i18n, e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {cursor && (
        <div className="card-pad row table-foot">
          <span className="muted">{t('common.showingCount', { shown: items.length })}</span>
          <button className="btn btn-sm" onClick={() => void more()}>
            {t('common.loadMore')}
          </button>
        </div>
      )}
    </div>
  );
}
