export { createI18n, useI18nValue, type I18nCore } from './i18n.react';
export { localeStorage, readStored, writeStored } from './locale.storage';
