import { randomBytes } from 'node:crypto';
import { uuidv7 } from '@bazaar/shared';
import type { AppDeps } from '../http/app-env';
import { writeAudit } from '../audit/audit.writer';
import { hashSecret } from './password';

/**
 * On an empty hub, tell the operator how to get in. By default the first registration
 * becomes admin; with OPEN_FIRST_REGISTRATION=false an admin with a generated password is
 * created and the password is printed exactly once (it is never logged or stored in clear).
 */
export async function printFirstStartHelp(deps: AppDeps, baseUrl: string): Promise<void> {
  const existing = await deps.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
  if (existing) return;
  if (deps.config.openFirstRegistration) {
    process.stdout.write(
      [
        '',
        'This hub has no users yet. The first account registered becomes its admin.',
        `Open ${baseUrl}/register in a browser, or:`,
        `  curl -X POST ${baseUrl}/api/v1/auth/register -H 'Content-Type: application/json' \\`,
        `       -d '{"username":"owner","name":"Shop Owner","password":"choose-a-long-password"}'`,
        'Later registrations become staff with no store until an admin assigns one.',
        '',
      ].join('\n'),
    );
    return;
  }
  const password = randomBytes(18).toString('base64url');
  const id = uuidv7();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('users')
      .values({ id, username: 'admin', name: 'Administrator', role: 'admin', password_hash: await hashSecret(password), pin_hash: null, updated_at: new Date() })
      .execute();
    await writeAudit(trx, {
      actorId: null,
      actorName: 'system',
      action: 'user.create',
      entity: 'user',
      entityId: id,
      storeId: null,
      after: { username: 'admin', role: 'admin' },
    });
  });
  process.stdout.write(
    `\nCreated the first admin. Sign in as "admin" with this password (shown once, change it):\n  ${password}\n\n`,
  );
}
