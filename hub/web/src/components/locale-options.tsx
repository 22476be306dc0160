import { localeInfo, locales } from '@bazaar/shared';

/** The languages as a <select>'s options, each in its own name and script (someone who can't read English finds theirs). */
export function LocaleOptions() {
  return (
    <>
      {locales.map((l) => (
        <option key={l} value={l} lang={l}>
          {localeInfo[l].nativeName}
        </option>
      ))}
    </>
  );
}
