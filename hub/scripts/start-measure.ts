import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/*
 * `tsx scripts/start-measure.ts [runs]` (Linux: reads /proc): how long the hub takes from
 * spawn to its first healthy answer, and its resident memory (the whole process tree)
 * one second later, started three ways: the tsx CLI (what `pnpm start` runs), node with the
 * tsx loader, and the built JavaScript (`pnpm build`, then `node dist/main.js`).
 * Uses DATABASE_URL when set (production), else embedded PGlite in DATA_DIR. Prints medians.
 */
const hubDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsxBin = [path.join(hubDir, 'node_modules/.bin/tsx'), path.join(hubDir, '../node_modules/.bin/tsx')].find((p) => existsSync(p)) ?? 'tsx';
const runs = Number(process.argv[2] ?? 5);
const port = 8897;

const MODES: { name: string; cmd: string; args: string[] }[] = [
  { name: 'tsx src/main.ts (pnpm start)', cmd: tsxBin, args: ['src/main.ts'] },
  { name: 'node --import tsx src/main.ts', cmd: process.execPath, args: ['--import', 'tsx', 'src/main.ts'] },
  { name: 'node dist/main.js (built)', cmd: process.execPath, args: ['dist/main.js'] },
];

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** Resident memory of pid and every descendant, in MB. */
function treeRssMb(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // gone meanwhile
    }
  }
  let kb = 0;
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop()!;
    kb += rssKb(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return kb / 1024;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/api/v1/health`)).ok;
  } catch {
    return false;
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

async function once(mode: (typeof MODES)[number]): Promise<{ ms: number; mb: number }> {
  const started = performance.now();
  const child = spawn(mode.cmd, mode.args, {
    cwd: hubDir,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    while (!(await healthy())) {
      if (child.exitCode !== null) throw new Error(`${mode.name} exited with ${child.exitCode}`);
      await sleep(10);
    }
    const ms = performance.now() - started;
    await sleep(1000);
    return { ms, mb: treeRssMb(child.pid!) };
  } finally {
    await stop(child);
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

if (!existsSync(path.join(hubDir, 'dist/main.js'))) {
  console.error('no hub/dist/main.js: run `pnpm build` first');
  process.exit(1);
}
console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'embedded PGlite'}; ${runs} runs each, medians (min–max)`);
console.log('| start | to first healthy answer | RSS 1 s later |\n| --- | --- | --- |');
for (const mode of MODES) {
  await once(mode); // warm the file cache; not counted
  const samples = [];
  for (let i = 0; i < runs; i++) samples.push(await once(mode));
  const ms = samples.map((s) => s.ms);
  const mb = samples.map((s) => s.mb);
  const range = (xs: number[], digits: number) => `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;
  console.log(`| ${mode.name} | ${range(ms, 0)} ms | ${range(mb, 0)} MB |`);
}
