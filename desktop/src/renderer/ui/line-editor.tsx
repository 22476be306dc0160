import { useState, type ReactNode, type RefObject } from 'react';
import type { ProductView } from '../../core/core.api';
import { useI18n } from '../i18n/i18n-context';
import { Notice } from './notice';
import { ProductPicker, type PickerHandle } from './product-picker';
import { useExclusive } from './use-exclusive';
import { useSaveAction } from './use-save-action';
import { useWindowKeys } from './use-window-keys';

type Problems = Record<string, string>;

/**
 * A line editor's save, by F9 or its button, once at a time: after the scans typed so far are
 * looked up, `plan` names the problems (shown, nothing sent) or sends; a refusal is the form's
 * error, "nothing saved".
 */
export function useLineSave(picker: RefObject<PickerHandle | null>, setErrors: (errors: Problems) => void, plan: () => { problems: Problems; send: () => Promise<void> }) {
  const { t } = useI18n();
  const { busy, run } = useSaveAction((error) => setErrors({ form: t('common.nothingSaved', { error }) }));
  const save = useExclusive(async () => {
    await picker.current?.whenIdle();
    const { problems, send } = plan();
    setErrors(problems);
    if (Object.keys(problems).length > 0) return;
    await run(send);
  });
  useWindowKeys((e) => {
    if (e.key === 'F9') {
      e.preventDefault();
      void save();
    }
  });
  return { saving: busy, save };
}

interface Props {
  picker: RefObject<PickerHandle | null>;
  /** The picker's id and label. */
  id: string;
  addLabel: string;
  onPick: (product: ProductView, qtyText: string | null) => void;
  /** No lines yet: this text stands where the lines would. */
  empty: string | null;
  /** The lines (a table). */
  children: ReactNode;
  /** Below the lines, shown with or without them (totals). */
  footer?: ReactNode;
  formError: string | undefined;
  /** What useLineSave gave, and the save button's words. */
  saver: { saving: boolean; save: () => Promise<void> };
  saveLabel: string;
}

/** Lines added by scan or search (a quantity prefix allowed), then the save button with F9 and the quantity hint. */
export function LineEditor({ picker, id, addLabel, onPick, empty, children, footer, formError, saver, saveLabel }: Props) {
  const { t } = useI18n();
  const [scanError, setScanError] = useState<string | null>(null);
  return (
    <>
      <ProductPicker ref={picker} id={id} label={addLabel} placeholder={t('common.scanOrType')} allowQtyPrefix invalid={!!scanError} onPick={onPick} onError={setScanError} />
      {scanError && <Notice kind="error">{scanError}</Notice>}
      {empty !== null ? <div className="empty">{empty}</div> : children}
      {footer}
      {formError && <Notice kind="error">{formError}</Notice>}
      <div className="row">
        <button className="btn btn-primary" disabled={saver.saving} onClick={() => void saver.save()}>
          {saver.saving ? t('common.saving') : saveLabel} <kbd>F9</kbd>
        </button>
        <span className="muted">{t('transfers.qty.hint')}</span>
      </div>
    </>
  );
}

/** The ✕ at the end of a line that takes it out. */
export function RemoveLineCell({ label, onRemove }: { label: string; onRemove: () => void }) {
  return (
    <td>
      <button className="btn btn-ghost btn-sm" aria-label={label} onClick={onRemove}>
        ✕
      </button>
    </td>
  );
}
