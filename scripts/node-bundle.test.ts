import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort } from '../hub/src/test/free-port';
import { createTestDb, type TestDb } from '../hub/src/test/test-db';

/*
 * `pnpm build` output runs on plain Node: the hub starts from hub/dist/main.js and answers
 * /health, and the store CLI from desktop/dist/node creates a store (native SQLite, the
 * migrations), with no TypeScript loader anywhere in the built files.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsx = path.join(root, 'node_modules/.bin/tsx');
const cleanups: (() => Promise<void> | void)[] = [];
afterAll(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

function bundle(target: 'hub' | 'desktop'): string[] {
  const run = spawnSync(tsx, [path.join(root, 'scripts/node-bundle.ts'), target], { cwd: root, encoding: 'utf8' });
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  const dir = path.join(root, target === 'hub' ? 'hub/dist' : 'desktop/dist/node');
  const files = readdirSync(dir).filter((f) => f.endsWith('.js'));
  for (const f of files) {
    const code = readFileSync(path.join(dir, f), 'utf8');
    expect({ f, tsImport: /from\s+["'][^"']+\.tsx?["']|["']tsx(\/[^"']*)?["']/.test(code) }).toEqual({ f, tsImport: false });
  }
  return files;
}

describe('production build', () => {
  it('bundles the hub into JavaScript that starts on plain Node and answers /health', async () => {
    expect(bundle('hub')).toEqual(expect.arrayContaining(['main.js', 'migrate.cli.js']));
    const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME, HOST: '127.0.0.1', PORT: String(await freePort()), LOG_LEVEL: 'info', NODE_ENV: 'production' };
    if (process.env.TEST_DATABASE_URL) {
      const db: TestDb = await createTestDb();
      cleanups.push(() => db.destroy());
      const url = new URL(process.env.TEST_DATABASE_URL);
      url.pathname = `/${db.name}`;
      env.DATABASE_URL = url.toString();
    } else {
      const dataDir = mkdtempSync(path.join(tmpdir(), 'bazaar-built-hub-'));
      cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
      env.DATA_DIR = dataDir;
    }
    const child = spawn(process.execPath, ['dist/main.js'], { cwd: path.join(root, 'hub'), env, stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    cleanups.push(async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    });
    let log = '';
    const listening = await new Promise<string>((resolve, reject) => {
      const onData = (b: Buffer) => {
        log += b.toString();
        const m = /hub listening on (http:\/\/[^"\s]+)/.exec(log);
        if (m) resolve(m[1]!);
      };
      child.stdout.on('data', onData);
      child.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`the built hub exited with ${code}:\n${log}`)));
    });
    expect(listening).toBe(`http://127.0.0.1:${env.PORT}`);
    const health = await fetch(`${listening}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: 'ok' });
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('bundles the store CLI into JavaScript that creates a store on plain Node', () => {
    expect(bundle('desktop')).toEqual(expect.arrayContaining(['bazaar-store.js', 'counter.js']));
    const dir = mkdtempSync(path.join(tmpdir(), 'bazaar-built-cli-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const run = spawnSync(process.execPath, [path.join(root, 'desktop/dist/node/bazaar-store.js'), '--db', path.join(dir, 'store.db'), 'init', '--code', 'BLR-042', '--name', 'Sharma Kirana'], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Created store BLR-042 "Sharma Kirana"');
    expect(run.status).toBe(0);
  });
});
