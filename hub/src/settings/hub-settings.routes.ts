import { hubSettingsSchema, hubSettingsUpdateSchema } from '@bazaar/shared';
import { Hono } from 'hono';
import { writeAudit } from '../audit/audit.writer';
import { CATALOG_SCOPE, nextVersion } from '../db/change-version';
import { requirePrincipal, requireUser } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { actorOf } from '../http/route-helpers';
import { route } from '../openapi/openapi.route';
import { readHubSettings, writeHubSettings } from './hub-settings.repository';

const tag = 'settings';
const get = route({ summary: "The hub's currency (code, minor digits, symbol) and default language", tag, responses: { 200: hubSettingsSchema } });
const patch = route({ summary: "Change the hub's currency or default language (admin; audited on the hub chain)", tag, body: hubSettingsUpdateSchema, responses: { 200: hubSettingsSchema } });

/** Hub-wide settings: one reference row, changes on the hub audit chain. */
export function createHubSettingsRoutes(deps: AppDeps) {
  const { db } = deps;
  return new Hono<AppEnv>()
    .get('/', get, async (c) => {
      requirePrincipal(c);
      return c.json(await readHubSettings(db), 200);
    })
    .patch('/', patch, async (c) => {
      const me = requireUser(c, ['admin']);
      const change = await patch.json(c);
      const settings = await db.transaction().execute(async (trx) => {
        // A catalog change: every counter's next pull is a full one, which carries the new settings.
        await nextVersion(trx, CATALOG_SCOPE);
        const { before, after } = await writeHubSettings(trx, change, new Date(deps.clock.now()));
        await writeAudit(trx, { ...actorOf(c, deps, me), action: 'hub.settings_update', entity: 'hub', entityId: null, storeId: null, before, after });
        return readHubSettings(trx);
      });
      return c.json(settings, 200);
    });
}
