import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import type { AppEnv } from './app-env';
import { handleError } from './error-handler';

/** Issue 13 item 5: every PostgreSQL data exception (class 22) is the client's value: a 4xx, never a 500. */
describe('PostgreSQL data errors in the one error handler', () => {
  const app = new Hono<AppEnv>();
  app.get('/raise/:code', (c) => {
    throw Object.assign(new Error('pg says no'), { code: c.req.param('code') });
  });
  app.onError(handleError);

  for (const code of ['22001', '22003', '22007', '22008', '22012', '22021', '22P02', '22P05', '22023', '2200D']) {
    it(`SQLSTATE ${code} answers 400`, async () => {
      const res = await app.request(`/raise/${code}`);
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe('VALIDATION_FAILED');
      expect(body.error.message).not.toMatch(/pg says no/);
    });
  }

  it('other classes are not swallowed', async () => {
    expect((await app.request('/raise/XX000')).status).toBe(500);
  });
});
