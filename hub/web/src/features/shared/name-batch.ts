import type { BaseUnit, Names } from '@bazaar/shared';
import { namesApi } from '../../api/reports.api';

export type NameKind = 'store' | 'product' | 'user' | 'supplier' | 'device';
export interface Named {
  name: string;
  /** A code or SKU shown beside the name. */
  sub?: string;
  /** Products: the unit their quantities are counted in. */
  unit?: BaseUnit;
  /** Stores: the zone of their clock (IANA). */
  timeZone?: string;
}

const field = { store: 'stores', product: 'products', user: 'users', supplier: 'suppliers', device: 'devices' } as const satisfies Record<NameKind, keyof Names>;
/** The hub takes at most this many ids of a kind per call. */
const CHUNK = 200;

type Waiter = { resolve(v: Named | null): void; reject(e: unknown): void };
let pending = new Map<NameKind, Map<string, Waiter[]>>();
let scheduled = false;

/**
 * One name, looked up together with every other name asked for in the same tick: a table of 50
 * rows naming stores, products and people costs one request (GET /names), not one per row.
 */
export function loadName(kind: NameKind, id: string): Promise<Named | null> {
  return new Promise((resolve, reject) => {
    const ofKind = pending.get(kind) ?? new Map<string, Waiter[]>();
    pending.set(kind, ofKind);
    ofKind.set(id, [...(ofKind.get(id) ?? []), { resolve, reject }]);
    if (!scheduled) {
      scheduled = true;
      setTimeout(() => void flush(), 0);
    }
  });
}

async function flush(): Promise<void> {
  const batch = pending;
  pending = new Map();
  scheduled = false;
  const ids = new Map([...batch].map(([kind, m]) => [kind, [...m.keys()]]));
  while ([...ids.values()].some((l) => l.length)) {
    const query: Partial<Record<(typeof field)[NameKind], string>> = {};
    const asked: [NameKind, string[]][] = [];
    for (const [kind, list] of ids) {
      const chunk = list.splice(0, CHUNK);
      if (chunk.length) {
        query[field[kind]] = chunk.join(',');
        asked.push([kind, chunk]);
      }
    }
    try {
      const names = await namesApi.lookup(query);
      for (const [kind, chunk] of asked) {
        for (const id of chunk) {
          const hit = names[field[kind]][id] as { name: string; code?: string; sku?: string; unit?: BaseUnit; timeZone?: string } | undefined;
          const value = hit ? { name: hit.name, sub: hit.code ?? hit.sku, ...(hit.unit ? { unit: hit.unit } : {}), ...(hit.timeZone ? { timeZone: hit.timeZone } : {}) } : null;
          for (const w of batch.get(kind)?.get(id) ?? []) w.resolve(value);
        }
      }
    } catch (err) {
      for (const [kind, chunk] of asked) for (const id of chunk) for (const w of batch.get(kind)?.get(id) ?? []) w.reject(err);
    }
  }
}
