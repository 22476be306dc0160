import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'vite';
import { createApiClient } from '../../src/bridge/api-client';
import type { CounterApi } from '../../src/bridge/api-operations';
import { unwrapResult } from '../../src/bridge/api-result';
import { desktopDir, tsxBin } from './paths';
import { startProcess, type Proc } from './processes';

let built: Promise<string> | null = null;

/**
 * Build the renderer once per test file (what `pnpm counter` does before serving), into its
 * own directory: test files run in parallel and must not rewrite each other's assets.
 */
export function buildRenderer(): Promise<string> {
  built ??= (async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'bazaar-renderer-e2e-'));
    await build({ configFile: join(desktopDir, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
    return outDir;
  })();
  return built;
}

export interface CounterApp {
  url: string;
  dataDir: string;
  proc: Proc;
  /** The same typed client the page uses, over the same HTTP bridge, for seeding and checks. */
  api: CounterApi;
  stop: () => Promise<void>;
}

/** `pnpm counter` as a real process on a fresh data directory. */
export async function startCounter(opts: { port: number; env?: NodeJS.ProcessEnv }): Promise<CounterApp> {
  const rendererDir = await buildRenderer();
  const dataDir = mkdtempSync(join(tmpdir(), 'bazaar-counter-e2e-'));
  const args = ['src/bridge/counter.main.ts', '--no-build', '--renderer-dir', rendererDir, '--data-dir', dataDir, '--port', String(opts.port)];
  const proc = await startProcess(tsxBin, args, {
    cwd: desktopDir,
    env: { ...process.env, INIT_CWD: desktopDir, ...opts.env },
    ready: /Bazaar counter: (http:\/\/\S+)/,
  });
  const url = proc.match[1] ?? '';
  const html = await (await fetch(url)).text();
  const token = /name="bazaar-bridge-token" content="([^"]+)"/.exec(html)?.[1] ?? '';
  const api = createApiClient(async (op, input) => {
    const res = await fetch(`${url}api/${op}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-bazaar-token': token },
      body: JSON.stringify(input ?? null),
    });
    return unwrapResult(await res.json());
  });
  return {
    url,
    dataDir,
    proc,
    api,
    stop: async () => {
      await proc.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
