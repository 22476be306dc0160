import { HybridLogicalClock } from '@bazaar/shared';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.types';

/**
 * The hub's clock at start, resumed past every timestamp it can have issued before the restart.
 *
 * While running, the clock issues stamps for web movements and `hubHlc` in every push and pull
 * answer, and it advances on each device stamp it receives (within its drift bound). Its
 * high-water mark is therefore the largest of: its own stamps on web movements (any node: a
 * clock must also stay above what other nodes issued) and the device stamps it received, which
 * are exactly the movements stored from devices. Those come from `devices.last_hlc` (the highest
 * stamp each device pushed; one row per device, so no scan of the movement log) and the web
 * movements. Web stamps are resumed from as the clock's own; device stamps go through `receive`,
 * as they did when they arrived, so one stored from a clock days fast (recorded as drift, never
 * adopted) does not drag the hub ahead now.
 */
export async function resumeHubClock(
  db: Kysely<Database>,
  opts: { node: string; now: () => number; maxDriftMs?: number },
): Promise<HybridLogicalClock> {
  const [web, devices] = await Promise.all([
    db
      .selectFrom('movements')
      .select((eb) => eb.fn.max('hlc').as('hlc'))
      .where('device_id', 'is', null)
      .executeTakeFirst(),
    db
      .selectFrom('devices')
      .select((eb) => eb.fn.max('last_hlc').as('hlc'))
      .executeTakeFirst(),
  ]);
  // Web stamps were issued by hub clocks (this node or another): resume from them as from our own.
  const clock = new HybridLogicalClock({ node: opts.node, now: opts.now, maxDriftMs: opts.maxDriftMs, last: web?.hlc ?? undefined });
  if (devices?.hlc) clock.receive(devices.hlc);
  return clock;
}
