import { describe, expect, it } from 'vitest';
import { createDrain } from './drain';

describe('createDrain', () => {
  it('lets running requests finish, answers new ones 503, and resolves when the last one is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const drain = createDrain(async (req: Request) => {
      if (new URL(req.url).pathname === '/slow') await gate;
      return new Response('ok');
    });
    const slow = drain.fetch(new Request('http://hub/slow'));
    expect(drain.inFlight).toBe(1);

    let drained = false;
    const done = drain.drain().then(() => (drained = true));
    const refused = await drain.fetch(new Request('http://hub/fast'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('1');
    expect(refused.headers.get('connection')).toBe('close');
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('SERVICE_UNAVAILABLE');
    await Promise.resolve();
    expect(drained).toBe(false);

    release();
    expect(await (await slow).text()).toBe('ok');
    await done;
    expect(drained).toBe(true);
    expect(drain.inFlight).toBe(0);
  });

  it('resolves at once when nothing is running', async () => {
    const drain = createDrain(() => new Response('ok'));
    await drain.drain();
    expect(drain.draining).toBe(true);
  });
});
