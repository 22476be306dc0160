import { shiftReport, uuidv7, type ShiftReport } from '@bazaar/shared';
import type { ApiSeeder } from './seed';
import { seedBills } from './bills.seed';

/**
 * The bills of seedBills, and the shifts they were rung up in: Saddar's front till closed its
 * morning shift with the drawer Rs 20 short (its Z report computed from those very bills, as the
 * counter computes it); Clifton's till has a shift still open.
 */
export async function seedShifts(api: ApiSeeder) {
  const seed = await seedBills(api);
  const openedAt = new Date(Date.now() - 4 * 3_600_000).toISOString();
  const head = (code: string) => ({ shiftId: uuidv7(), storeCode: code, counterCode: 'C1', openedAt, openedBy: 'Sana Malik', floatMinor: 500_000 });
  const bills = [seed.cash, seed.split, seed.ret, seed.voided];
  // Float Rs 5,000 + cash Rs 2,320 + Rs 600 − Rs 420 given back = Rs 7,500 expected; Rs 7,480 counted.
  const counted = [
    { denominationMinor: 500_000, count: 1 },
    { denominationMinor: 100_000, count: 2 },
    { denominationMinor: 1_000, count: 48 },
  ];
  const closed: ShiftReport = shiftReport(head(seed.saddar.code), bills, { at: new Date().toISOString(), by: 'Imran Qureshi', counted });
  await seed.counters.till.pushShift(closed);
  const open: ShiftReport = shiftReport(head(seed.clifton.code), [seed.other], null);
  await seed.counters.far.pushShift(open);
  return { ...seed, closed, open };
}
