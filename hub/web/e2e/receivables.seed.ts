import { localDay, addDays, uuidv7, type Customer, type LedgerEntry, type Store } from '@bazaar/shared';
import { PASSWORD, type ApiSeeder } from './seed';

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY).toISOString();

/** A counter's khata as the desktop pushes it: its customers and its ledger entries, numbered by its own entry seq. */
class KhataCounter {
  private seq = 0;
  private constructor(
    private readonly api: ApiSeeder,
    readonly store: Store,
    readonly deviceId: string,
    private readonly token: string,
  ) {}

  static async enroll(api: ApiSeeder, store: Store, name: string): Promise<KhataCounter> {
    const r = await api.call<{ device: { id: string }; token: string }>('POST', '/devices', { storeId: store.id, name });
    return new KhataCounter(api, store, r.device.id, r.token);
  }

  customer(name: string, phone: string, creditLimitMinor: number | null): Customer {
    const at = ago(120);
    return { id: uuidv7(), storeId: this.store.id, name, phone, address: null, note: null, creditLimitMinor, deviceId: this.deviceId, createdAt: at, updatedAt: at };
  }

  sale(c: Customer, amountMinor: number, occurredAt: string, billNo: number, dueOn: string | null = null): Extract<LedgerEntry, { kind: 'credit_sale' }> {
    const billNumber = `${this.store.code}-C1-${String(billNo).padStart(6, '0')}`;
    return { ...this.base(c, occurredAt), kind: 'credit_sale', amountMinor, billId: uuidv7(), billNumber, dueOn, approvedBy: null };
  }

  payment(c: Customer, amountMinor: number, occurredAt: string, method: 'cash' | 'jazzcash' | 'upi' = 'cash'): LedgerEntry {
    return { ...this.base(c, occurredAt), kind: 'payment', amountMinor: -amountMinor, method };
  }

  async push(customers: Customer[], creditEntries: LedgerEntry[]): Promise<void> {
    await this.api.call('POST', '/sync/push', { movements: [], customers, creditEntries }, this.token);
  }

  private base(c: Customer, occurredAt: string) {
    return { id: uuidv7(), storeId: this.store.id, customerId: c.id, deviceId: this.deviceId, entrySeq: ++this.seq, occurredAt, by: { id: null, name: 'Sana Malik' }, note: null };
  }
}

/**
 * Two stores on Karachi's clock and their khata: at Saddar, Ravi's old bill part paid, a newer one
 * rung up at the second till which also took his payment today, and Nadia's bill of 40 days ago;
 * at Clifton (which the manager does not run) Zara's bill and part payment. Synced as counters push.
 */
export async function seedReceivables(api: ApiSeeder) {
  await api.register('owner', 'Asha Rao', PASSWORD);
  const store = (code: string, name: string) => api.call<Store>('POST', '/stores', { code, name, region: 'Sindh', location: `${name} market`, timeZone: 'Asia/Karachi' });
  const saddar = await store('KHI-01', 'Saddar');
  const clifton = await store('KHI-02', 'Clifton');
  const front = await KhataCounter.enroll(api, saddar, 'Front till');
  const back = await KhataCounter.enroll(api, saddar, 'Back till');
  const far = await KhataCounter.enroll(api, clifton, 'Clifton till');
  const today = localDay(Date.now(), 'Asia/Karachi');

  const ravi = front.customer('Ravi Kumar', '03001234567', 1_000_000);
  const nadia = front.customer('Nadia Hussain', '03331112222', null);
  const zara = far.customer('Zara Khan', '03219999999', 500_000);
  const raviOld = front.sale(ravi, 500_000, ago(100), 1);
  await front.push([ravi, nadia], [raviOld, front.payment(ravi, 100_000, ago(10)), front.sale(nadia, 125_000, ago(40), 2)]);
  const raviNew = back.sale(ravi, 200_000, ago(5), 7, addDays(today, 10));
  await back.push([], [raviNew, back.payment(ravi, 50_000, new Date().toISOString(), 'jazzcash')]);
  await far.push([zara], [far.sale(zara, 300_000, ago(2), 3), far.payment(zara, 75_000, new Date().toISOString())]);

  await api.user('imran', 'Imran Qureshi', PASSWORD, 'manager', [saddar.id]);
  return { saddar, clifton, ravi, nadia, zara, raviOld, raviNew };
}
