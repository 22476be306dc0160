import { formatMoney, type AuditEntry, type ChainVerification } from '@bazaar/shared';
import { useEffect, useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';

/** A short, readable account of what changed, from the entry's after/before JSON. */
function describe(e: AuditEntry): string {
  const after = e.after as Record<string, unknown> | null;
  if (!after || typeof after !== 'object') return e.entityId ?? '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    // Ids and hashes mean nothing to a shopkeeper; names, SKUs and amounts do.
    if (v === null || /id$/i.test(k) || k === 'archived') continue;
    if (Array.isArray(v)) parts.push(`${v.length} ${k}`);
    else if (typeof v !== 'object') parts.push(`${k}: ${/paise$/i.test(k) && typeof v === 'number' ? formatMoney(v) : String(v)}`);
    if (parts.length >= 5) break;
  }
  return parts.join(' · ');
}

export function AuditTab() {
  const api = useApi();
  const [action, setAction] = useState('');
  const [items, setItems] = useState<AuditEntry[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [verify, setVerify] = useState<ChainVerification | null>(null);

  useEffect(() => {
    let stale = false;
    const t = window.setTimeout(() => {
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
      window.clearTimeout(t);
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
          <label htmlFor="a-action">Action</label>
          <input id="a-action" className="input" placeholder="e.g. sale, stock_in, sign_in" value={action} onChange={(e) => setAction(e.target.value)} />
        </div>
        <button
          className="btn"
          onClick={() =>
            void api.verifyAudit().then(setVerify, (err: unknown) => setError(asApiError(err).message))
          }
        >
          Verify the chain
        </button>
      </div>
      {verify && (
        <div className="card-pad">
          {verify.ok ? (
            <Notice kind="ok">All {verify.checked} audit entries are intact: nothing was altered or removed.</Notice>
          ) : (
            <Notice kind="error">
              The audit log was tampered with at entry {verify.firstBroken?.id}: {verify.firstBroken?.reason}
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
          <div className="empty">No audit entries match.</div>
        ) : (
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th>When</th>
                <th>Who</th>
                <th>Action</th>
                <th>Details</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="muted">{dateTime(e.at)}</td>
                  <td>{e.actorName ?? <span className="muted">system</span>}</td>
                  <td>
                    <span className="cell-strong">{e.action}</span>
                    <span className="cell-sub">{e.entity}</span>
                  </td>
                  <td className="audit-details">{describe(e)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
      {cursor && (
        <div className="card-pad row table-foot">
          <span className="muted">Showing {items.length}</span>
          <button className="btn btn-sm" onClick={() => void more()}>
            Load more
          </button>
        </div>
      )}
    </div>
  );
}
