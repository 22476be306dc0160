import type { Bill } from '@bazaar/shared';
import { useState } from 'react';
import { useApi } from '../api/api-context';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import type { useApproval } from '../ui/approval.dialog';
import { Notice } from '../ui/notice';

/** Void a bill: a reason, and a manager's PIN when the cashier is not one. */
export function VoidBill({ bill, approval, onVoided }: { bill: Bill; approval: ReturnType<typeof useApproval>; onVoided: () => void }) {
  const api = useApi();
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const submit = async () => {
    if (!reason.trim()) return;
    try {
      const r = await approval.run((a) => api.voidBill({ bill: bill.number, reason: reason.trim(), ...(a ? { approval: a } : {}) }));
      if (!r) return;
      setMessage({ kind: 'ok', text: t('returns.voidDone', { number: r.number }) });
      setAsking(false);
      onVoided();
    } catch (err) {
      setMessage({ kind: 'error', text: t('bills.failed', { error: asApiError(err).message }) });
    }
  };
  return (
    <>
      {!asking ? (
        <button className="btn btn-sm btn-danger" onClick={() => setAsking(true)}>
          {t('returns.void')}
        </button>
      ) : (
        <form
          className="form-row"
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <input className="input" autoFocus aria-label={t('returns.voidReason')} placeholder={t('returns.voidReason')} value={reason} onChange={(e) => setReason(e.target.value)} />
          <button className="btn btn-sm btn-danger" type="submit">
            {t('returns.void')} <kbd>Enter</kbd>
          </button>
        </form>
      )}
      {message && <Notice kind={message.kind}>{message.text}</Notice>}
    </>
  );
}
