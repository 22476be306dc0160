import { describe, expect, it } from 'vitest';
import { createTranslator } from '../i18n/translator';
import { customerCreateSchema } from './customer.schema';
import { internationalDigits, reminderText, statementReminderText, waMeLink } from './ledger.reminder';
import { ledgerEntrySchema, type LedgerEntry } from './ledger.schema';
import { statementOf } from './ledger.statement';

const base = { storeId: '01900000-0000-7000-8000-0000000000a1', customerId: '01900000-0000-7000-8000-0000000000c1', deviceId: '01900000-0000-7000-8000-0000000000d1', by: { id: null, name: 'Asha' }, note: null };
const entries: LedgerEntry[] = [
  { ...base, id: '01900000-0000-7000-8000-000000000001', entrySeq: 1, kind: 'opening', amountMinor: 20_000, occurredAt: '2026-01-05T06:00:00Z' },
  { ...base, id: '01900000-0000-7000-8000-000000000002', entrySeq: 2, kind: 'credit_sale', amountMinor: 45_000, billId: '01900000-0000-7000-8000-0000000000b1', billNumber: 'LHR-01-C1-000007', dueOn: '2026-02-10', approvedBy: null, occurredAt: '2026-02-01T06:00:00Z' },
  { ...base, id: '01900000-0000-7000-8000-000000000003', entrySeq: 3, kind: 'payment', amountMinor: -30_000, method: 'cash', occurredAt: '2026-02-03T06:00:00Z' },
  { ...base, id: '01900000-0000-7000-8000-000000000004', entrySeq: 4, kind: 'credit_sale', amountMinor: 12_550, billId: '01900000-0000-7000-8000-0000000000b2', billNumber: 'LHR-01-C2-000031', dueOn: null, approvedBy: null, occurredAt: '2026-02-20T06:00:00Z' },
];

describe('customers and ledger entries', () => {
  it('phones are kept as digits (a leading + stays); bad ones are refused by name', () => {
    expect(customerCreateSchema.parse({ name: 'Ravi', phone: ' 0300-123 4567 ' }).phone).toBe('03001234567');
    expect(customerCreateSchema.parse({ name: 'Ravi', phone: '+91 98450 12345', address: '' })).toMatchObject({ phone: '+919845012345', address: null, creditLimitMinor: null });
    expect(customerCreateSchema.safeParse({ name: 'Ravi', phone: '12-34' }).error?.issues[0]?.message).toBe('must be a phone number of 7 to 15 digits');
  });

  it('entries carry the sign of their kind: a payment lowers the balance, a sale raises it, nothing is zero', () => {
    expect(ledgerEntrySchema.safeParse(entries[2]).success).toBe(true);
    expect(ledgerEntrySchema.safeParse({ ...entries[2], amountMinor: 30_000 }).success).toBe(false);
    expect(ledgerEntrySchema.safeParse({ ...entries[1], amountMinor: -1 }).success).toBe(false);
    expect(ledgerEntrySchema.safeParse({ ...entries[0], amountMinor: 0 }).success).toBe(false);
    expect(ledgerEntrySchema.safeParse({ ...entries[2], method: 'credit' }).success).toBe(false);
  });

  it('a statement for February: opening from January, the running balance, billed and paid, closing', () => {
    const s = statementOf(entries, 'Asia/Karachi', '2026-02-01', '2026-02-28');
    expect(s.openingMinor).toBe(20_000);
    expect(s.lines.map((l) => l.balanceMinor)).toEqual([65_000, 35_000, 47_550]);
    expect([s.billedMinor, s.paidMinor, s.closingMinor]).toEqual([57_550, 30_000, 47_550]);
    expect(statementOf(entries, 'Asia/Karachi', '2026-02-04', '2026-02-10')).toMatchObject({ openingMinor: 35_000, lines: [], closingMinor: 35_000 });
  });

  it('the paper khata\'s opening balance is the statement\'s opening figure, said once, never a line of its own', () => {
    const all = statementOf(entries, 'Asia/Karachi');
    expect(all.openingMinor).toBe(20_000);
    expect(all.lines.map((l) => [l.entry.kind, l.balanceMinor])).toEqual([
      ['credit_sale', 65_000],
      ['payment', 35_000],
      ['credit_sale', 47_550],
    ]);
    expect(all.closingMinor).toBe(47_550);
    // Keyed in after the first bill: still the opening figure, the running balance starts from it.
    const late = statementOf([...entries.slice(1), { ...entries[0]!, occurredAt: '2026-02-02T06:00:00Z' }], 'Asia/Karachi', '2026-02-01', null);
    expect([late.openingMinor, late.lines.length, late.lines[0]!.balanceMinor, late.closingMinor]).toEqual([20_000, 3, 65_000, 47_550]);
    // Keyed in after the period ends: not part of it.
    expect(statementOf(entries.map((e) => (e.kind === 'opening' ? { ...e, occurredAt: '2026-03-01T06:00:00Z' } : e)), 'Asia/Karachi', null, '2026-02-28')).toMatchObject({ openingMinor: 0, closingMinor: 27_550 });
  });

  it('the reminder names the balance and the latest bills in the reader language, and wa.me gets the country code', () => {
    const en = createTranslator({ locale: 'en', currency: 'PKR', timeZone: 'Asia/Karachi' });
    const text = reminderText({ name: 'Ravi Kumar' }, entries, en, { storeName: 'Noor Kiryana', lastBills: 2 });
    expect(text.split('\n')).toEqual([
      'Dear Ravi Kumar,',
      `your balance at Noor Kiryana is ${en.money(47_550)}.`,
      'Latest bills on credit:',
      `• LHR-01-C2-000031, 20 Feb 2026: ${en.money(12_550)}`,
      `• LHR-01-C1-000007, 1 Feb 2026: ${en.money(45_000)}`,
      'Thank you.',
    ]);
    // From the whole statement: the same text, the paper khata's opening balance counted though it is no line.
    expect(statementReminderText({ name: 'Ravi Kumar' }, statementOf(entries, 'Asia/Karachi'), en, { storeName: 'Noor Kiryana', lastBills: 2 })).toBe(text);
    // A chain-shared customer: the reminder asks for the whole balance and says what of it is this store's.
    const chain = reminderText({ name: 'Ravi Kumar' }, entries, en, { storeName: 'Noor Kiryana', lastBills: 2, elsewhereMinor: 10_000 });
    expect(chain.split('\n')[1]).toBe(`your balance across our stores is ${en.money(57_550)} (of it ${en.money(47_550)} at Noor Kiryana).`);
    expect(reminderText({ name: 'Ravi' }, entries, en, { storeName: 'Noor', elsewhereMinor: -47_550 }).split('\n')).toHaveLength(3);
    const ur = reminderText({ name: 'Ravi' }, entries, createTranslator({ locale: 'ur', currency: 'PKR' }), { storeName: 'Noor' });
    expect(ur).toContain('بقایا');
    expect(internationalDigits('0300-1234567', 'PKR')).toBe('923001234567');
    expect(internationalDigits('9845012345', 'INR')).toBe('919845012345');
    expect(internationalDigits('+44 20 7946 0000', 'INR')).toBe('442079460000');
    expect(waMeLink('03001234567', 'a b&c', 'PKR')).toBe('https://wa.me/923001234567?text=a%20b%26c');
  });
});
