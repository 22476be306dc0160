import { useI18n } from '../i18n/i18n-context';
import { useBigText } from './big-text-context';

// Left in the untranslated baseline: the names printed on the keys, the same in every language.
export const BIG_TEXT_KEY = 'Ctrl+Shift+F';

/** The header's switch: pressed while big text is on; Tab + Enter or Ctrl+Shift+F from anywhere. */
export function BigTextToggle() {
  const { t } = useI18n();
  const bigText = useBigText();
  return (
    <button
      type="button"
      className="btn btn-ghost btn-sm big-text-toggle"
      aria-pressed={bigText.on}
      title={t('bigText.hint', { key: BIG_TEXT_KEY })}
      data-testid="big-text-toggle"
      onClick={bigText.toggle}
    >
      <span aria-hidden="true" className="big-text-glyph">
        A<span>A</span>
      </span>
      {t('bigText.toggle')}
    </button>
  );
}

/** Settings → Language: the same switch as a checkbox, with what it does. */
export function BigTextSettings() {
  const { t } = useI18n();
  const bigText = useBigText();
  return (
    <div className="card card-pad stack">
      <h2>{t('bigText.title')}</h2>
      <p className="muted no-margin">{t('bigText.intro')}</p>
      <label className="row check">
        <input type="checkbox" checked={bigText.on} onChange={bigText.toggle} data-testid="big-text-checkbox" /> {t('bigText.checkbox')}
      </label>
      <p className="muted no-margin">
        {t('bigText.key', { key: BIG_TEXT_KEY })}
      </p>
      {bigText.error && <p className="notice notice-error">{t('bigText.notKept', { reason: bigText.error })}</p>}
    </div>
  );
}
