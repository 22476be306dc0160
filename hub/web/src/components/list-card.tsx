import type { ReactNode } from 'react';
import { errorMessage } from '../api/api-error';
import { useI18n } from '../i18n/i18n-context';

/** A titled card with a count and a plain table: for short lists that need no paging or sorting. */
export function ListCard({ title, count, error, headers, empty, testId, children }: {
  title: string;
  /** Shown once loaded; "…" until then. */
  count: string | null;
  error: unknown;
  headers: string[];
  /** Shown when loaded and there are no rows. */
  empty: string | null;
  testId: string;
  children: ReactNode;
}) {
  return (
    <div className="table-card">
      <div className="table-toolbar">
        <div className="table-title">
          <h3>{title}</h3>
          <span className="muted" role="status">{count ?? '…'}</span>
        </div>
      </div>
      {!!error && <p className="error" role="alert">{errorMessage(error)}</p>}
      <div className="table-scroll">
        <table className="data-table" data-testid={testId}>
          <thead>
            <tr>
              {headers.map((h, i) => (
                <th key={i}>{h}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {empty && (
              <tr>
                <td colSpan={headers.length} className="empty wrap">{empty}</td>
              </tr>
            )}
            {children}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** A form's Cancel button and the error of its last try. */
export function CancelAndError({ onCancel, error, small }: { onCancel: () => void; error: unknown; small?: boolean }) {
  const { t } = useI18n();
  return (
    <>
      <button type="button" className={`btn btn-ghost${small ? ' btn-sm' : ''}`} onClick={onCancel}>
        {t('web.form.cancel')}
      </button>
      {!!error && (
        <span className="error" role="alert">
          {errorMessage(error)}
        </span>
      )}
    </>
  );
}
