import { currencyInfo } from '@bazaar/shared';
import { describe, expect, it } from 'vitest';
import { moneyHeader, moneyValue, toCsv } from './csv';

describe('hub CSV money columns', () => {
  const rows = [{ sku: 'RICE', name: '=cmd', revenueMinor: 123456, balance: -5 }];

  it('name the currency in the header and write major units with the currency’s own digits', () => {
    expect(toCsv(['sku', 'name', 'revenueMinor', 'balance'], rows, { currency: currencyInfo('PKR'), columns: ['balance'] })).toBe('sku,name,revenue (PKR),balance (PKR)\r\nRICE,\'=cmd,1234.56,-0.05\r\n');
    expect(toCsv(['revenueMinor', 'balance'], rows, { currency: currencyInfo('JPY'), columns: ['balance'] })).toBe('revenue (JPY),balance (JPY)\r\n123456,-5\r\n');
    expect(toCsv(['revenueMinor', 'balance'], rows, { currency: currencyInfo('KWD'), columns: ['balance'] })).toBe('revenue (KWD),balance (KWD)\r\n123.456,-0.005\r\n');
    expect(toCsv(['revenueMinor'], rows, { currency: currencyInfo('BHD') })).toBe('revenue (BHD)\r\n123.456\r\n');
  });

  it('leaves a CSV without money as it was, and an empty amount empty', () => {
    expect(toCsv(['sku', 'revenueMinor'], rows)).toBe('sku,revenueMinor\r\nRICE,123456\r\n');
    expect(moneyValue(null, currencyInfo('INR'))).toBe('');
    expect(moneyValue(7, currencyInfo('INR'))).toBe('0.07');
    expect(moneyHeader('cashExpected', currencyInfo('INR'))).toBe('cashExpected (INR)');
    expect(moneyHeader('unit_price_minor', currencyInfo('INR'))).toBe('unit_price (INR)');
  });
});
