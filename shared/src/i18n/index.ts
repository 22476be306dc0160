export * from './locales';
export * from './currency';
export * from './money.format';
export * from './translator';
export { catalogs, messageEntries, type MessageKey, type Catalog } from './catalog/catalogs';
export * from './code-words';
