import { readdirSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** /proc/<pid>/stat after the command name: state ppid … utime (14th field) stime (15th). */
function statFields(pid: number): string[] | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return text.slice(text.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

function cpuTicks(pid: number): number | null {
  const f = statFields(pid);
  return f ? Number(f[11]) + Number(f[12]) : null;
}

/** pid and every process below it (tsx runs the hub in a child node process). */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    const f = statFields(Number(name));
    if (!f) continue;
    const ppid = Number(f[1]);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** CPU of a set of processes over an interval, in cores (1.0 = one core busy the whole time). */
export class CpuMeter {
  private startTicks = new Map<number, number>();
  private startedAt = 0;

  constructor(private readonly pids: () => Promise<number[]>) {}

  async start(): Promise<void> {
    this.startTicks = new Map();
    for (const pid of await this.pids()) {
      const t = cpuTicks(pid);
      if (t !== null) this.startTicks.set(pid, t);
    }
    this.startedAt = performance.now();
  }

  /** Processes that started during the interval count whole; ones that ended during it are lost (pooled connections rarely do). */
  async stop(): Promise<number> {
    const secs = (performance.now() - this.startedAt) / 1000;
    let ticks = 0;
    for (const pid of new Set([...this.startTicks.keys(), ...(await this.pids())])) {
      const now = cpuTicks(pid);
      if (now === null) continue;
      ticks += now - (this.startTicks.get(pid) ?? 0);
    }
    return secs > 0 ? ticks / TICKS_PER_SECOND / secs : 0;
  }
}
