import { createTranslator, type Translator } from '@bazaar/shared';

/**
 * The reader's translator for what the bridge client says outside React (the counter service not
 * answering). The I18nProvider sets it on every render; English until then.
 */
let words: Translator = createTranslator({ locale: 'en' });

export function setBridgeWords(t: Translator): void {
  words = t;
}

export function bridgeWords(): Translator {
  return words;
}
