import { describe, expect, it } from 'vitest';
import { pickLocale, matchLocale } from './locales';
import { createTranslator } from './translator';

describe('translator', () => {
  it('formats ICU plurals per language', () => {
    const en = createTranslator({ locale: 'en' });
    expect(en.t('counter.sale.saved', { lines: 1, total: '₹5.00' })).toBe('Sale saved: 1 line, ₹5.00.');
    expect(en.t('counter.sale.saved', { lines: 3, total: '₹5.00' })).toBe('Sale saved: 3 lines, ₹5.00.');
    const ur = createTranslator({ locale: 'ur' });
    expect(ur.t('counter.sale.saved', { lines: 3, total: 'Rs 5.00' })).toContain('3 آئٹمز');
    const hi = createTranslator({ locale: 'hi' });
    expect(hi.t('counter.sale.saved', { lines: 1, total: '₹5.00' })).toContain('1 आइटम');
  });

  it('uses the language’s usual currency until the hub’s is known', () => {
    expect(createTranslator({ locale: 'ur' }).money(4550)).toMatch(/^Rs\s?45\.50$/);
    expect(createTranslator({ locale: 'hi' }).money(4550)).toBe('₹45.50');
    expect(createTranslator({ locale: 'en', currency: 'PKR' }).money(4550)).toMatch(/^Rs\s45\.50$/);
  });

  it('writes quantities with the language’s unit words and Latin digits', () => {
    const ur = createTranslator({ locale: 'ur' });
    expect(ur.qty(1250, 'g')).toBe('\u20661.25\u2069 کلو'); // the number isolated left to right
    expect(ur.qty(3, 'pc')).toBe('\u20663\u2069 عدد');
    expect(createTranslator({ locale: 'en' }).qty(1500, 'g', { signed: true })).toBe('+1.5 kg');
    expect(createTranslator({ locale: 'en' }).qty(-2, 'pc', { signed: true })).toBe('-2 pc');
    expect(createTranslator({ locale: 'hi' }).qty(500, 'ml')).toBe('500 मि.ली.');
    expect(createTranslator({ locale: 'en' }).qty(1500, 'ml')).toBe('1.5 L');
    expect(createTranslator({ locale: 'en' }).qty(12, 'pc')).toBe('12 pc');
  });

  it('shows times in the store’s zone', () => {
    const at = '2026-03-01T19:30:00Z';
    const karachi = createTranslator({ locale: 'en', timeZone: 'Asia/Karachi' }).dateTime(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    const kolkata = createTranslator({ locale: 'en', timeZone: 'Asia/Kolkata' }).dateTime(at, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    expect(karachi).toBe('00:30');
    expect(kolkata).toBe('01:00');
  });

  it('picks the first supported language of user, store and hub', () => {
    expect(matchLocale('ur-PK')).toBe('ur');
    expect(matchLocale('hi_IN.UTF-8')).toBe('hi');
    expect(matchLocale('fr')).toBeNull();
    expect(pickLocale(null, 'fr-FR', 'hi')).toBe('hi');
    expect(pickLocale(undefined)).toBe('en');
  });
});
