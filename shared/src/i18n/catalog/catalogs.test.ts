import { parse, TYPE, type MessageFormatElement } from '@formatjs/icu-messageformat-parser';
import { describe, expect, it } from 'vitest';
import { locales } from '../locales';
import { catalogs, messageEntries } from './catalogs';

/** Every argument a message takes, with its kind: a translation must take the same ones. */
function argumentsOf(elements: MessageFormatElement[], out = new Map<string, string>()): Map<string, string> {
  for (const e of elements) {
    if (e.type === TYPE.argument) out.set(e.value, out.get(e.value) ?? 'text');
    if (e.type === TYPE.number || e.type === TYPE.date || e.type === TYPE.time) out.set(e.value, TYPE[e.type]);
    if (e.type === TYPE.plural || e.type === TYPE.select) {
      out.set(e.value, e.type === TYPE.plural ? 'plural' : 'select');
      for (const option of Object.values(e.options)) argumentsOf(option.value, out);
    }
    if (e.type === TYPE.tag) argumentsOf(e.children, out);
  }
  return out;
}

function pluralsOf(elements: MessageFormatElement[]): { name: string; options: string[] }[] {
  return elements.flatMap((e) =>
    e.type === TYPE.plural
      ? [{ name: e.value, options: Object.keys(e.options) }, ...Object.values(e.options).flatMap((o) => pluralsOf(o.value))]
      : e.type === TYPE.select
        ? Object.values(e.options).flatMap((o) => pluralsOf(o.value))
        : [],
  );
}

const keys = Object.keys(messageEntries);

describe('message catalogs', () => {
  it('hold every key in every language, none empty', () => {
    for (const l of locales) {
      const missing = keys.filter((k) => !(catalogs[l] as Record<string, string>)[k]?.trim());
      expect(missing, `missing or empty in ${l}`).toEqual([]);
    }
  });

  it('parse as ICU messages', () => {
    for (const l of locales) {
      for (const k of keys) expect(() => parse((catalogs[l] as Record<string, string>)[k] ?? ''), `${l} ${k}`).not.toThrow();
    }
  });

  it('give each translation the same arguments, of the same kind, as the English', () => {
    const mismatched: string[] = [];
    for (const k of keys) {
      const en = [...argumentsOf(parse(catalogs.en[k as keyof typeof catalogs.en])).entries()].sort();
      for (const l of locales) {
        const other = [...argumentsOf(parse((catalogs[l] as Record<string, string>)[k] ?? '')).entries()].sort();
        if (JSON.stringify(other) !== JSON.stringify(en)) mismatched.push(`${l} ${k}: ${JSON.stringify(other)} ≠ ${JSON.stringify(en)}`);
      }
    }
    expect(mismatched).toEqual([]);
  });

  it('cover every plural category the language has, and always "other"', () => {
    const problems: string[] = [];
    for (const l of locales) {
      const needed = new Intl.PluralRules(l).resolvedOptions().pluralCategories;
      for (const k of keys) {
        for (const p of pluralsOf(parse((catalogs[l] as Record<string, string>)[k] ?? ''))) {
          const lacking = [...needed, 'other'].filter((c) => !p.options.includes(c));
          if (lacking.length) problems.push(`${l} ${k} {${p.name}}: no ${lacking.join(', ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('are written in the language: Urdu in Arabic script, Hindi in Devanagari, where the English has words', () => {
    const untranslated: string[] = [];
    const latinOnly = (s: string) => s.replace(/\{[^{}]*\}|#|SKU|CSV|PIN|ISO|URL|PKR|INR|Enter|Esc|F\d|https?:\S+|e\.g\.|[a-z_]+(?:_[a-z]+)+|\b(?:sku|name|unit|price|barcode|category|cost|sale|stock_in|sign_in|\d+[a-z]*)\b/g, '');
    for (const k of keys) {
      const en = catalogs.en[k as keyof typeof catalogs.en];
      if (!/[a-z]{3,}/i.test(latinOnly(en))) continue;
      if (!/[\u0600-\u06FF]/.test(catalogs.ur[k as keyof typeof catalogs.ur])) untranslated.push(`ur ${k}`);
      if (!/[\u0900-\u097F]/.test(catalogs.hi[k as keyof typeof catalogs.hi])) untranslated.push(`hi ${k}`);
    }
    expect(untranslated).toEqual([]);
  });
});
