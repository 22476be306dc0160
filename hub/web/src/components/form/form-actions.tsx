import { errorMessage } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { FormError } from '../field';

interface FormActionsProps {
  /** The submit button's words when nothing is saving ("Create store", "Save changes"). */
  label: string;
  /** The submit button's words while it saves (default "Saving…"). */
  savingLabel?: string;
  saving: boolean;
  error: unknown;
  /** Why it failed, in this form's words (default "Not saved: …"). */
  failed?(message: string): string;
  onCancel(): void;
}

/** The foot of every create/edit form: why the last save failed, Cancel, and the submit button. */
export function FormActions({ label, savingLabel, saving, error, failed, onCancel }: FormActionsProps) {
  const { t } = useI18n();
  const message = error ? errorMessage(error) : null;
  return (
    <>
      <FormError message={message === null ? null : failed ? failed(message) : t('web.form.notSaved', { error: message })} />
      <div className="form-actions">
        <button type="button" className="btn btn-ghost" onClick={onCancel}>
          {t('web.form.cancel')}
        </button>
        <button type="submit" className="btn btn-primary" disabled={saving}>
          {saving ? (savingLabel ?? t('common.saving')) : label}
        </button>
      </div>
    </>
  );
}
