import { describe, expect, it } from 'vitest';
import { currencyInfo, currencyOfTimeZone } from './currency';

describe('currency of a store with no hub to say', () => {
  it('follows the country of the store clock', () => {
    expect(currencyOfTimeZone('Asia/Karachi')).toBe('PKR');
    expect(currencyOfTimeZone('Asia/Kolkata')).toBe('INR');
    expect(currencyOfTimeZone('Asia/Calcutta')).toBe('INR');
    expect(currencyInfo(currencyOfTimeZone('Asia/Dhaka') ?? '').symbol).toBe('৳');
  });

  it('is unknown for other zones and for none', () => {
    expect(currencyOfTimeZone('Europe/London')).toBeNull();
    expect(currencyOfTimeZone(undefined)).toBeNull();
    expect(currencyOfTimeZone('')).toBeNull();
  });
});
