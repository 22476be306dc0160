import { describe, expect, it } from 'vitest';
import { csvRecords } from './client';

describe('csvRecords', () => {
  it('counts records, not line ends inside quoted fields', () => {
    expect(csvRecords('a,b\r\n1,"x\r\ny"\r\n2,z\r\n')).toBe(3);
    expect(csvRecords('a,b\r\n1,2')).toBe(2);
    expect(csvRecords('')).toBe(0);
  });
});
