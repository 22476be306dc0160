import { DomainError, uuidv7, parseMinorJson } from '@bazaar/shared';
import type { z } from 'zod';
import { requireActor, nowIso, type CoreContext } from '../core.context';
import { writeTx } from '../db/write-tx';
import type { HeldCartView, holdCartInput } from './bills.api';
import { billStoreSync } from './bills.settings';

type Cart = z.output<typeof holdCartInput>['cart'];

function view(r: { id: string; label: string; cart_json: string; held_by: string | null; held_at: string }): HeldCartView {
  const cart = parseMinorJson(r.cart_json) as Cart;
  return { id: r.id, label: r.label, heldAt: r.held_at, heldBy: r.held_by, lines: cart.lines.length, cart };
}

/** Put a cart aside (a second customer came in mid-bill). Kept in the store file: a restart keeps it. */
export async function holdCart(ctx: CoreContext, input: z.output<typeof holdCartInput>): Promise<HeldCartView> {
  const actor = await requireActor(ctx);
  const at = nowIso(ctx);
  // The default label is the shop's own clock time, as the cashier reads it.
  const timeZone = billStoreSync(ctx.raw).timeZone;
  const local = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', ...(timeZone ? { timeZone } : {}) }).format(new Date(at));
  const row = { id: uuidv7(ctx.clock.nowMs()), label: input.label ?? `Held ${local}`, cart_json: JSON.stringify(input.cart), held_by: actor.name, held_at: at };
  await ctx.db.insertInto('held_carts').values(row).execute();
  return view(row);
}

export async function heldCarts(ctx: CoreContext): Promise<HeldCartView[]> {
  const rows = await ctx.db.selectFrom('held_carts').selectAll().orderBy('held_at').execute();
  return rows.map(view);
}

/** Take a held cart back to the counter: it leaves the held list in the same step, so two tills never recall one cart. */
export async function recallCart(ctx: CoreContext, id: string): Promise<HeldCartView> {
  await requireActor(ctx);
  return writeTx(ctx.db, async (db) => {
    const row = await db.selectFrom('held_carts').selectAll().where('id', '=', id).executeTakeFirst();
    if (!row) throw new DomainError('NOT_FOUND', 'that held cart is not there any more (recalled or dropped already)');
    await db.deleteFrom('held_carts').where('id', '=', id).execute();
    return view(row);
  });
}
