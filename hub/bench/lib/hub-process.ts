import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// tsx is a root devDependency of the workspace.
export const tsxBin = path.join(hubDir, '..', 'node_modules', '.bin', 'tsx');

export interface RunningServer {
  url: string;
  /** The spawned process (tsx; the server runs in it or in its child: see fleet.cpu.ts processTree). */
  pid: number;
  stop(): Promise<void>;
  /** Last lines the process printed (for error messages). */
  output(): string;
}

/** Start a TS entry point as its own process and wait until `readyPath` answers. */
export async function startProcess(entry: string, opts: { port: number; env: Record<string, string>; readyPath: string; timeoutMs?: number; cwd?: string }): Promise<RunningServer> {
  const lines: string[] = [];
  const child: ChildProcess = spawn(tsxBin, [entry], {
    cwd: opts.cwd ?? hubDir,
    env: { ...process.env, ...opts.env, PORT: String(opts.port), HOST: '127.0.0.1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (b: Buffer) => {
    lines.push(...b.toString('utf8').split('\n').filter(Boolean));
    if (lines.length > 60) lines.splice(0, lines.length - 60);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited: number | null = null;
  child.on('error', (err) => {
    lines.push(String(err));
    exited = -1;
  });
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  const url = `http://127.0.0.1:${opts.port}`;
  const until = Date.now() + (opts.timeoutMs ?? 60_000);
  for (;;) {
    if (exited !== null) throw new Error(`${path.basename(entry)} exited with ${exited}:\n${lines.join('\n')}`);
    try {
      const res = await fetch(`${url}${opts.readyPath}`, { signal: AbortSignal.timeout(2_000) });
      if (res.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      child.kill('SIGKILL');
      throw new Error(`${path.basename(entry)} did not become ready on ${url}:\n${lines.join('\n')}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    output: () => lines.join('\n'),
    async stop() {
      if (exited !== null) return;
      const done = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await done;
      clearTimeout(t);
    },
  };
}

/** The real hub (src/main.ts) on Postgres, with logging and throttling out of the way of measurement. */
export function startHub(databaseUrl: string, port: number, extraEnv: Record<string, string> = {}): Promise<RunningServer> {
  return startProcess(path.join(hubDir, 'src', 'main.ts'), {
    port,
    readyPath: '/api/v1/health',
    env: {
      DATABASE_URL: databaseUrl,
      // Reads go to the bench database too, whatever replica the caller's environment names.
      DATABASE_READ_URL: '',
      HUB_MODE: 'development',
      // Request logs at info level would measure pino's stdout, not the hub; warnings still show.
      LOG_LEVEL: 'warn',
      DB_POOL_SIZE: '10',
      // Benchmarks sign in more often and call far faster than a person: lift the throttles.
      LOGIN_PER_IP_PER_MINUTE: '100000',
      LOGIN_PER_USER_PER_MINUTE: '100000',
      RATE_LIMIT_PER_MINUTE: '100000000',
      RATE_LIMIT_ANON_PER_MINUTE: '100000000',
      OPEN_FIRST_REGISTRATION: 'true',
      ...extraEnv,
    },
  });
}
