import { describe, expect, it } from 'vitest';
import { untranslatedBaseline } from './untranslated.baseline';
import { findingKey, repoRoot, uiRoots } from './untranslated.roots';
import { looksLikeProse, scanSource } from './untranslated.scan';

const texts = (source: string) => scanSource('x.tsx', source).map((f) => f.text);

describe('the scanner', () => {
  it('finds JSX text, text props and messages built in code', () => {
    const found = texts(`
      export function A({ n }: { n: number }) {
        const msg = \`Sold \${n} items\`;
        return <div title="Stock level" className="btn btn-primary"><h1>Counter</h1><input placeholder="Name or SKU" aria-label={'Close'} />{msg}</div>;
      }`);
    expect(found).toEqual(['Sold {} items', 'Stock level', 'Counter', 'Name or SKU', 'Close']);
  });

  it('leaves catalog lookups, keys, classes, key caps, comparisons and ignored lines alone', () => {
    const found = texts(`
      export function B({ kind }: { kind: string }) {
        if (kind === 'Sale done') return null;
        // i18n-ignore: a fixture
        const data = { name: 'New counter' };
        return <p className={kind ? 'field-error cell-sub' : 'x'} data-testid="total">{t('counter.total')}<kbd>Ctrl+Enter</kbd><span aria-hidden="true">B</span>{t(\`stock.\${kind}\`)}{data.name}</p>;
      }`);
    expect(found).toEqual([]);
  });

  it('tells prose from identifiers', () => {
    expect(looksLikeProse('Sign out')).toBe(true);
    expect(looksLikeProse('Counter')).toBe(true);
    expect(looksLikeProse('field-error cell-sub')).toBe(false);
    expect(looksLikeProse('Out of stock')).toBe(true);
    expect(looksLikeProse('ApiError')).toBe(false);
    expect(looksLikeProse('text/csv;charset=utf-8')).toBe(false);
    expect(looksLikeProse('counter.app.brand')).toBe(false);
    expect(looksLikeProse('NOT_FOUND')).toBe(false);
    expect(looksLikeProse('pending')).toBe(false);
  });
});

describe('user-visible text in the counter, the web app and the CLI', async () => {
  const { scanTree } = await import('./untranslated.scan');
  const found = scanTree(repoRoot, uiRoots).map(findingKey);

  it('is in the message catalogs (or in the shrinking list of text not moved yet)', () => {
    const known = new Set(untranslatedBaseline);
    expect(found.filter((k) => !known.has(k)), 'use t() with a catalog key in shared/src/i18n/catalog').toEqual([]);
  });

  it('keeps the list of text not moved yet honest: translated entries leave it', () => {
    const now = new Set(found);
    expect(untranslatedBaseline.filter((k) => !now.has(k)), 'run src/i18n-check/baseline.write.ts').toEqual([]);
  });
});
