import { spawn, type ChildProcess } from 'node:child_process';

/** Workers still running: the crash tests kill them after each test even when it fails or times out, so none outlives the run. */
export const liveWorkers = new Set<ChildProcess>();

export function killLiveWorkers(): void {
  for (const child of liveWorkers) child.kill('SIGKILL');
  liveWorkers.clear();
}

/**
 * Start a crash-test worker (`node --import tsx worker …args`), let it run for `afterReadyMs`
 * after it prints READY, SIGKILL it, and answer the whole lines it printed (a line cut by the
 * kill is not a completed print).
 */
export function runAndKill(worker: string, args: readonly string[], afterReadyMs: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', worker, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    liveWorkers.add(child);
    let out = '';
    let err = '';
    let timer: NodeJS.Timeout | null = null;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!timer && out.includes('READY\n')) timer = setTimeout(() => child.kill('SIGKILL'), afterReadyMs);
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code, signal) => {
      liveWorkers.delete(child);
      if (signal !== 'SIGKILL') return reject(new Error(`worker exited by itself (code ${code}): ${err}`));
      resolve(out.split('\n').slice(0, -1));
    });
  });
}
