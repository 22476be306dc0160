import { describe, expect, it } from 'vitest';
import { printableAsText } from './receipt.script';

describe('printableAsText', () => {
  it('lets Latin receipts through as text and sends Urdu and Hindi as images', () => {
    expect(printableAsText('Sharma Kirana\nAtta 5 kg   2 x 265.00   530.00\nTOTAL Rs 530.00 – thank you\n')).toBe(true);
    expect(printableAsText('Crème brûlée ₹45')).toBe(true);
    expect(printableAsText('چینی (کھلی)  1 kg')).toBe(false);
    expect(printableAsText('चीनी 1 kg')).toBe(false);
    expect(printableAsText('')).toBe(true);
  });
});
