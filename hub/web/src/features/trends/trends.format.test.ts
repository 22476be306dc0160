import { createTranslator } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { bucketLabel, changePct } from './trends.format';

describe('trend formatting', () => {
  it('labels buckets with their year, whatever the viewer’s zone', () => {
    const en = createTranslator({ locale: 'en', timeZone: 'America/Los_Angeles' });
    expect(bucketLabel(en, '2026-11-02', 'week')).toMatch(/2 Nov 2026|Nov 2, 2026/);
    expect(bucketLabel(en, '2026-11-01', 'month')).toMatch(/Nov 2026/);
  });

  it('says the change in percent, or nothing against zero', () => {
    expect(changePct(1500, 1000)).toBe(50);
    expect(changePct(900, 1200)).toBe(-25);
    expect(changePct(1000, 3000)).toBe(-66.7);
    expect(changePct(100, 0)).toBeNull();
  });
});
