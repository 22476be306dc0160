import { isLocale, localeInfo, locales } from '@bazaar/shared';
import { useI18n } from './i18n-context';

/** Each language in its own script, so a reader finds theirs whatever is showing now. */
export function LocalePicker() {
  const { t, locale, setLocale } = useI18n();
  return (
    <select
      className="input input-sm locale-picker"
      aria-label={t('common.language')}
      data-testid="locale-picker"
      value={locale}
      onChange={(e) => {
        if (isLocale(e.target.value)) setLocale(e.target.value);
      }}
    >
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {localeInfo[l].nativeName}
        </option>
      ))}
    </select>
  );
}
