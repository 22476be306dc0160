import { describe, expect, it } from 'vitest';
import { type TestApp, type TestUser } from '../test/test-db';
import { useTestApp } from '../test/use-test-app';

/*
 * Lists paged by (time, id) all take the same cursor. One that decodes to a good time but an id
 * that is not a uuid used to reach PostgreSQL's ::uuid cast on two of them (purchase orders and
 * goods receipts), whose failure came back as VALIDATION_FAILED; every list now refuses it
 * before any query, as 400 INVALID_CURSOR.
 */
let t: TestApp;
let admin: TestUser;
useTestApp((ctx) => ({ t, admin } = ctx));

const cursorOf = (key: unknown[]) => Buffer.from(JSON.stringify(key)).toString('base64url');

describe('time-and-id cursors', () => {
  it.each(['/stock-movements', '/bills', '/shifts', '/purchase-orders', '/goods-receipts'])('%s refuses a cursor whose id is not a uuid with 400', async (path) => {
    for (const key of [['2026-12-01T10:00:00.000Z', 'not-a-uuid'], ['2026-12-01T10:00:00.000Z', "x'); drop table bills; --"], ['yesterday', '0190f0f0-0000-7000-8000-000000000000']]) {
      const res = await t.call('GET', `${path}?cursor=${cursorOf(key)}`, admin.token);
      expect(res.status, `${path} ${JSON.stringify(key)}`).toBe(400);
      expect(res.body.error.code).toBe('INVALID_CURSOR');
    }
  });

  it('pages on with a cursor the list itself issued', async () => {
    const res = await t.call('GET', `/bills?cursor=${cursorOf(['2026-12-01T10:00:00.000Z', '0190f0f0-0000-7000-8000-000000000000'])}`, admin.token);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });
});
