import fc from 'fast-check';
import { formatHlc, movementKinds, uuidv7, type MovementKind } from '@bazaar/shared';
import type { MovementInput } from './stock.apply';

/** A generated movement: which product, what kind, how much, and its clock. */
export type MovementSpec = { product: number; kind: MovementKind; magnitude: number; wall: number; counter: number; node: string };

/**
 * Movements over `products` products from `nodes` devices, COUNT more often than its share. A
 * narrow clock range (`walls` ms) so equal walls (counter and node decide) and late arrivals are common.
 */
export function movementSpecArb({ products, nodes, walls }: { products: number; nodes: string[]; walls: number }): fc.Arbitrary<MovementSpec> {
  return fc.record({
    product: fc.integer({ min: 0, max: products - 1 }),
    kind: fc.oneof({ weight: 1, arbitrary: fc.constant<MovementKind>('COUNT') }, { weight: 4, arbitrary: fc.constantFrom<MovementKind>(...movementKinds) }),
    magnitude: fc.integer({ min: 1, max: 50 }),
    wall: fc.integer({ min: 1_700_000_000_000, max: 1_700_000_000_000 + walls }),
    counter: fc.integer({ min: 0, max: 2 }),
    node: fc.constantFrom(...nodes),
  });
}

/** The signed quantity of a spec: outgoing kinds negative, a COUNT of magnitude − 1 (so 0 occurs), ADJUST both ways. */
export function signedQty(kind: MovementKind, magnitude: number): number {
  if (kind === 'COUNT') return magnitude - 1;
  if (kind === 'SALE' || kind === 'REMOVE' || kind === 'TRANSFER_OUT') return -magnitude;
  if (kind === 'ADJUST' && magnitude % 2 === 0) return -magnitude;
  return magnitude;
}

/** The spec as applyMovements takes it, in `storeId`, for the products created for the run. */
export function movementInput(storeId: string, productIds: string[], m: MovementSpec): MovementInput {
  return {
    id: uuidv7(),
    storeId,
    deviceId: null,
    seq: null,
    hlc: formatHlc({ wall: m.wall, counter: m.counter, node: m.node }),
    kind: m.kind,
    productId: productIds[m.product]!,
    qty: signedQty(m.kind, m.magnitude),
    unitPriceMinor: null,
    unitCostMinor: null,
    reason: m.kind === 'REMOVE' ? 'damage' : null,
    note: null,
    supplierId: null,
    batchId: null,
    userId: null,
    occurredAt: new Date(m.wall).toISOString(),
  };
}
