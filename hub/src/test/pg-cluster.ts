import { spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

/**
 * A throwaway PostgreSQL cluster of our own (initdb in a temp dir, a free port), so a test can
 * stop it with `-m immediate` and start it again without touching the shared server others'
 * tests run on. Needs the server binaries (initdb, pg_ctl); as root it runs them as `postgres`.
 */
export interface PgCluster {
  port: number;
  url(database?: string): string;
  /** pg_ctl stop; `immediate` is a crash as far as clients are concerned (no goodbye, recovery on start). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  /** Stop (if running) and delete the data directory. */
  destroy(): void;
}

export function findPgServerBin(): string | null {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  for (const v of readdirSync(root).sort((a, b) => Number(b) - Number(a))) {
    const bin = path.join(root, v, 'bin');
    if (existsSync(path.join(bin, 'initdb')) && existsSync(path.join(bin, 'pg_ctl'))) return bin;
  }
  return null;
}

/** Throws (never skips) when the binaries are missing: callers decide whether to skip, before calling. */
export async function startPgCluster(): Promise<PgCluster> {
  const bin = findPgServerBin();
  if (!bin) throw new Error('PostgreSQL server binaries (initdb, pg_ctl) not found under /usr/lib/postgresql');
  const isRoot = userInfo().uid === 0;
  const dir = mkdtempSync(path.join(tmpdir(), 'hub-pg-'));
  if (isRoot) {
    const id = (flag: string) => Number(spawnSync('id', [flag, 'postgres'], { encoding: 'utf8' }).stdout.trim());
    if (spawnSync('id', ['postgres']).status !== 0) throw new Error('running as root needs a "postgres" user to run the server as');
    chownSync(dir, id('-u'), id('-g'));
  }
  const dataDir = path.join(dir, 'data');
  const logFile = path.join(dir, 'server.log');
  const port = await freePort();
  const run = (cmd: string, args: string[]) => {
    const full = path.join(bin, cmd);
    const [c, a] = isRoot ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    const r = spawnSync(c, a, { encoding: 'utf8', timeout: 120_000 });
    if (r.status !== 0) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2_000) : '';
      throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}${r.stdout}\n${log}`);
    }
  };
  run('initdb', ['-D', dataDir, '-A', 'trust', '-U', 'postgres', '--no-sync']);
  const opts = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=50`;
  let running = false;
  const cluster: PgCluster = {
    port,
    url: (database = 'postgres') => `postgres://postgres@127.0.0.1:${port}/${database}`,
    stop(mode = 'fast') {
      run('pg_ctl', ['stop', '-D', dataDir, '-m', mode, '-w']);
      running = false;
    },
    start() {
      run('pg_ctl', ['start', '-D', dataDir, '-o', opts, '-l', logFile, '-w', '-t', '60']);
      running = true;
    },
    destroy() {
      if (running) {
        try {
          cluster.stop('immediate');
        } catch {
          // already gone
        }
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
  cluster.start();
  return cluster;
}
