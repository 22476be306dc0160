import type { AuditEntry, ChainVerification, Translator } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { dateTime } from '../ui/format';
import { Notice } from '../ui/notice';
import { HistoryList, usePagedHistory } from './history-list';

/** A short, readable account of what changed, from the entry's after/before JSON. */
function describe(t: Translator, e: AuditEntry): string {
  const after = e.after as Record<string, unknown> | null;
  if (!after || typeof after !== 'object') return e.entityId ?? '';
  const parts: string[] = [];
  for (const [k, v] of Object.entries(after)) {
    // Ids and hashes mean nothing to a shopkeeper; names, SKUs and amounts do.
    if (v === null || /id$/i.test(k) || k === 'archived') continue;
    if (Array.isArray(v)) parts.push(`${v.length} ${k}`);
    else if (typeof v !== 'object') parts.push(`${k}: ${/(minor|paise)$/i.test(k) && typeof v === 'number' ? t.money(v) : String(v)}`);
    if (parts.length >= 5) break;
  }
  return parts.join(' · ');
}

export function AuditTab() {
  const api = useApi();
  const i18n = useI18n();
  const { t } = i18n;
  const [action, setAction] = useState('');
  const [verify, setVerify] = useState<ChainVerification | null>(null);
  const list = usePagedHistory((cursor) => api.auditLog({ action: action.trim() || undefined, limit: 50, cursor }), [api, action], (err) => asApiError(err).message);

  return (
    <HistoryList
      list={list}
      filters={
        <>
          <div className="field grow">
            <label htmlFor="a-action">{t('common.action')}</label>
            <input id="a-action" className="input" placeholder={t('history.actionExample')} value={action} onChange={(e) => setAction(e.target.value)} />
          </div>
          <button className="btn" onClick={() => void api.verifyAudit({ full: true }).then(setVerify, (err: unknown) => list.setError(asApiError(err).message))}>
            {t('history.verify')}
          </button>
        </>
      }
      notice={
        verify && (
          <div className="card-pad">
            {verify.ok ? (
              <Notice kind="ok">{t('history.intact', { count: verify.checked })}</Notice>
            ) : (
              <Notice kind="error">{t('history.tampered', { id: verify.firstBroken?.id, reason: verify.firstBroken?.reason })}</Notice>
            )}
          </div>
        )
      }
      empty={t('history.noAudit')}
      testId="audit-table"
      headers={
        <>
          <th>{t('common.when')}</th>
          <th>{t('common.who')}</th>
          <th>{t('common.action')}</th>
          <th>{t('common.details')}</th>
        </>
      }
      row={(e) => (
        <tr key={e.id}>
          <td className="muted">{dateTime(i18n, e.at)}</td>
          <td>{e.actorName ?? <span className="muted">{t('history.system')}</span>}</td>
          <td>
            <span className="cell-strong">{e.action}</span>
            <span className="cell-sub">{e.entity}</span>
          </td>
          <td className="audit-details">{describe(i18n, e)}</td>
        </tr>
      )}
    />
  );
}
