import { useEffect, useRef, type ReactNode } from 'react';
import { useI18n } from '../i18n/i18n-context';

/** Native <dialog>: modal focus trap, Esc to close and a backdrop without extra code. */
export function Dialog({ title, open, onClose, children, footer, testId }: { title: string; open: boolean; onClose: () => void; children: ReactNode; footer?: ReactNode; testId?: string }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      // showModal focuses the first control (the ✕); a dialog's own first field says so instead.
      d.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" onClose={onClose} aria-labelledby={`${testId ?? 'dialog'}-title`} data-testid={testId}>
      <div className="dialog-head">
        <h2 id={`${testId ?? 'dialog'}-title`}>{title}</h2>
        <button className="btn btn-ghost btn-sm" onClick={onClose} aria-label={t('common.close')}>
          ✕
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      <div className="dialog-foot">
        {footer}
        <button className="btn" onClick={onClose}>
          {t('common.close')} <kbd>Esc</kbd>
        </button>
      </div>
    </dialog>
  );
}
