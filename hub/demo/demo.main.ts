import { randomBytes } from 'node:crypto';
import { existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { progressBar } from '../src/dev/world/progress-bar';
import { call } from '../bench/lib/api';
import { hubDir, startProcess, type RunningServer } from '../bench/lib/hub-process';
import { SimulatedCounter } from './demo.counter';

/**
 * `pnpm demo`: a hub (PostgreSQL via DATABASE_URL, else embedded PGlite in data/demo), a
 * generated kiryana world, and a few store counters on the real desktop core selling, restocking
 * and counting, dropping offline and syncing back, so the head-office dashboard fills live.
 */
const repoRoot = path.resolve(hubDir, '..');
const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    port: { type: 'string', default: '8850' },
    counters: { type: 'string', default: '3' },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  console.log('usage: pnpm demo [--port 8850] [--counters 3] [--keep]\n  DATABASE_URL=postgres://… uses that database (an empty one is best); without it an embedded hub lives in data/demo (wiped each run unless --keep).');
  process.exit(0);
}
const port = Number(values.port);
const counterCount = Math.min(6, Math.max(1, Number(values.counters)));
// A CLI entry point: the one place here that reads the environment.
const databaseUrl = process.env.DATABASE_URL;
const demoDir = path.join(repoRoot, 'data', 'demo');
const say = (m: string) => console.log(`[demo] ${m}`);

let hub: RunningServer | null = null;
const counters: SimulatedCounter[] = [];
const runs: Promise<void>[] = [];
let statusTimer: NodeJS.Timeout | null = null;
let stopping = false;

async function shutdown(code: number) {
  if (stopping) return;
  stopping = true;
  say('stopping: counters first, then the hub');
  if (statusTimer) clearInterval(statusTimer);
  counters.forEach((c) => c.stop());
  await Promise.allSettled(runs);
  await Promise.allSettled(counters.map((c) => c.close()));
  await hub?.stop();
  say('stopped');
  process.exit(code);
}
process.on('SIGINT', () => {
  if (stopping) process.exit(130);
  void shutdown(0);
});
process.on('SIGTERM', () => void shutdown(0));

async function api<T>(method: string, p: string, token: string | undefined, body?: unknown, ok = [200, 201, 202]): Promise<T> {
  let r;
  for (let attempt = 1; ; attempt++) {
    try {
      r = await call<T>(hub!.url, method, p, token, body);
      break;
    } catch (err) {
      // A kept-alive socket the hub just closed, or an embedded hub busy with a long statement: try again.
      if (method !== 'GET' || attempt >= 5) throw new Error(`${method} ${p}: ${(err as Error).message} (${String((err as { cause?: unknown }).cause ?? '')})`);
      await new Promise((res) => setTimeout(res, 1000 * attempt));
    }
  }
  if (!ok.includes(r.status)) throw new Error(`${method} ${p} answered ${r.status}: ${JSON.stringify(r.body).slice(0, 300)}`);
  return r.body;
}

async function main() {
  // Each run starts fresh: the counters' files belong to this run's hub (and its device tokens).
  if (!values.keep) rmSync(databaseUrl ? path.join(demoDir, 'counters') : demoDir, { recursive: true, force: true });
  say(databaseUrl ? 'starting a hub on DATABASE_URL' : `starting a hub on embedded PGlite in ${path.relative(repoRoot, demoDir)}/hub (first start takes a few seconds)`);
  hub = await startProcess(path.join(hubDir, 'src', 'main.ts'), {
    port,
    readyPath: '/api/v1/health',
    timeoutMs: 180_000,
    env: {
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATA_DIR: 'data/demo/hub' }),
      HUB_MODE: 'development',
      LOG_LEVEL: 'warn',
      OPEN_FIRST_REGISTRATION: 'true',
    },
  });

  const password = `demo-${randomBytes(6).toString('hex')}`;
  let admin = { username: 'owner', password };
  const reg = await call<{ token: string; user: { role: string } }>(hub.url, 'POST', '/auth/register', undefined, { username: 'owner', name: 'Shop Owner', password });
  let token: string;
  if (reg.status === 201 && reg.body.user.role === 'admin') token = reg.body.token;
  else {
    const u = process.env.DEMO_ADMIN_USERNAME;
    const pw = process.env.DEMO_ADMIN_PASSWORD;
    if (!u || !pw) throw new Error('this database already has users: point DATABASE_URL at an empty database, or set DEMO_ADMIN_USERNAME and DEMO_ADMIN_PASSWORD of an admin');
    admin = { username: u, password: pw };
    token = (await api<{ token: string }>('POST', '/auth/login', undefined, { username: u, password: pw })).token;
  }

  say('generating a kiryana world through POST /api/v1/dev/generate-dummy-data');
  const started = await api<{ job: { id: string } }>('POST', '/dev/generate-dummy-data', token, { stores: 6, products: 400, movements: 6 * 400 + 14_000, days: 14 });
  const bar = progressBar('world');
  for (;;) {
    const { job } = await api<{ job: { state: string; phase: string; done: number; total: number; error: string | null } }>('GET', `/dev/generate-dummy-data/${started.job.id}`, token);
    bar.update(job.phase, job.done, Math.max(1, job.total));
    if (job.state === 'failed') throw new Error(`generation failed: ${job.error}`);
    if (job.state === 'done') break;
    await new Promise((r) => setTimeout(r, 500));
  }
  bar.stop();

  const { items: stores } = await api<{ items: { id: string; code: string; name: string }[] }>('GET', '/stores?limit=50', token);
  const chosen = stores.filter((s) => /ST\d{4}$/.test(s.code)).sort((a, b) => (a.code < b.code ? -1 : 1)).slice(0, counterCount);
  for (const [i, s] of chosen.entries()) {
    const username = `counter.${s.code.toLowerCase()}`;
    const pin = String(4000 + i * 111);
    await api('POST', '/users', token, { username, name: `Counter staff ${s.code}`, password: `pw-${randomBytes(8).toString('hex')}`, role: 'staff', storeIds: [s.id], pin });
    const enrolled = await api<{ token: string }>('POST', '/devices', token, { storeId: s.id, name: `Demo counter ${s.code}` });
    const c = new SimulatedCounter({ hubUrl: hub.url, dir: path.join(demoDir, 'counters'), storeCode: s.code, deviceToken: enrolled.token, username, pin, seed: 100 + i, log: say });
    await c.start();
    counters.push(c);
    say(`counter for ${s.code} (${s.name}) enrolled and synced: ${path.relative(repoRoot, path.join(demoDir, 'counters', `${s.code}.db`))}`);
  }
  for (const c of counters) runs.push(c.run());

  const dashboardBuilt = existsSync(path.join(hubDir, 'web', 'dist', 'index.html'));
  console.log(
    [
      '',
      '  Bazaar demo is running.',
      `  Dashboard:  http://localhost:${port}/${dashboardBuilt ? '' : '   (not built yet: pnpm --filter @bazaar/web build, then restart the demo)'}`,
      `  Sign in:    ${admin.username} / ${admin.password}`,
      `  API:        http://localhost:${port}/api/v1  (OpenAPI at /api/v1/openapi.json)`,
      `  Counters:   ${counters.map((c) => c.code).join(', ')} sell every few seconds, go offline now and then, and sync back.`,
      '  Stop:       Ctrl+C',
      '',
    ].join('\n'),
  );
  statusTimer = setInterval(() => {
    void Promise.all(counters.map((c) => c.status())).then((lines) => lines.forEach((l) => say(l)));
  }, 15_000);
}

main().catch(async (err: unknown) => {
  console.error(`demo failed: ${err instanceof Error ? err.message : String(err)}`);
  if (hub) console.error(hub.output().split('\n').slice(-15).join('\n'));
  await shutdown(1);
});
