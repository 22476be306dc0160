import { createTranslator, type Translator } from '@bazaar/shared';

/**
 * The reader's translator, for what the API layer says outside React (a failed request's message)
 * and the language it asks the hub for (Accept-Language: the hub writes its CSV files in it).
 * The I18nProvider sets it on every render; English until then.
 */
let words: Translator = createTranslator({ locale: 'en' });

export function setApiWords(t: Translator): void {
  words = t;
}

export function apiWords(): Translator {
  return words;
}
