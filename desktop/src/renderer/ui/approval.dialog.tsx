import { approvalReasonSchema, type ApprovalReason } from '@bazaar/shared';
import { useRef, useState, type ReactNode } from 'react';
import { asApiError } from '../api/use-query';
import { useI18n } from '../i18n/i18n-context';
import { Dialog } from './dialog';
import { Field } from './field';

export interface Approval {
  username: string;
  pin: string;
}

/** The reasons the core gave for refusing without a manager (details.approvalRequired), or null. */
export function approvalReasons(err: unknown): ApprovalReason[] | null {
  const e = asApiError(err);
  if (e.code !== 'FORBIDDEN') return null;
  const raw = (e.details as { approvalRequired?: unknown } | undefined)?.approvalRequired;
  if (!Array.isArray(raw)) return null;
  const reasons = raw.filter((r): r is ApprovalReason => approvalReasonSchema.safeParse(r).success);
  return reasons.length > 0 ? reasons : null;
}

/**
 * Run a bill operation; when the core answers that a manager's PIN is needed, ask for it and
 * run it again with the approval. Resolves to null when the cashier closes the prompt.
 */
export function useApproval(): { run: <T>(op: (approval: Approval | undefined) => Promise<T>) => Promise<T | null>; prompt: ReactNode } {
  const [asking, setAsking] = useState<{ reasons: ApprovalReason[]; error: string | null } | null>(null);
  const answer = useRef<((a: Approval | null) => void) | null>(null);

  const ask = (reasons: ApprovalReason[], error: string | null) =>
    new Promise<Approval | null>((resolve) => {
      answer.current = resolve;
      setAsking({ reasons, error });
    });

  const run = async <T,>(op: (approval: Approval | undefined) => Promise<T>): Promise<T | null> => {
    let approval: Approval | undefined;
    for (;;) {
      try {
        const value = await op(approval);
        setAsking(null);
        return value;
      } catch (err) {
        const reasons = approvalReasons(err);
        // A wrong PIN (UNAUTHENTICATED) asks again with the message; anything else is the caller's.
        const wrongPin = approval && (asApiError(err).code === 'UNAUTHENTICATED' || asApiError(err).code === 'FORBIDDEN');
        if (!reasons && !wrongPin) {
          setAsking(null);
          throw err;
        }
        const next = await ask(reasons ?? asking?.reasons ?? [], approval ? asApiError(err).message : null);
        if (!next) return null;
        approval = next;
      }
    }
  };

  const prompt = asking ? <PinPrompt reasons={asking.reasons} error={asking.error} onAnswer={(a) => answer.current?.(a)} /> : null;
  return { run, prompt };
}

function PinPrompt({ reasons, error, onAnswer }: { reasons: ApprovalReason[]; error: string | null; onAnswer: (a: Approval | null) => void }) {
  const { t } = useI18n();
  const [username, setUsername] = useState('');
  const [pin, setPin] = useState('');
  const submit = () => {
    if (username.trim() && pin) onAnswer({ username: username.trim(), pin });
  };
  return (
    <Dialog
      title={t('bills.pin.title')}
      open
      testId="approval"
      onClose={() => onAnswer(null)}
      footer={
        <button className="btn btn-primary" onClick={submit}>
          {t('bills.pin.approve')} <kbd>Enter</kbd>
        </button>
      }
    >
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p>{t('bills.pin.why', { reasons: reasons.map((r) => t(`bills.reason.${r}`)).join(', ') })}</p>
        <Field id="approval-user" label={t('bills.pin.username')}>
          <input id="approval-user" className="input" autoFocus data-autofocus autoComplete="off" value={username} onChange={(e) => setUsername(e.target.value)} />
        </Field>
        <Field id="approval-pin" label={t('bills.pin.pin')} error={error}>
          <input id="approval-pin" className="input" type="password" inputMode="numeric" autoComplete="off" value={pin} onChange={(e) => setPin(e.target.value)} />
        </Field>
        <button type="submit" hidden />
      </form>
    </Dialog>
  );
}
