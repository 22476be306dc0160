import cliProgress from 'cli-progress';
import type { Progress } from './generate';

/** A terminal progress bar that starts a new line for each phase of the world generator. */
export function progressBar(label: string): { update: Progress; stop: () => void } {
  const bar = new cliProgress.SingleBar(
    { format: `${label} {phase} [{bar}] {percentage}% | {value}/{total} | {eta_formatted} left`, hideCursor: true, etaBuffer: 50 },
    cliProgress.Presets.shades_classic,
  );
  let current = '';
  return {
    update(phase, done, total) {
      if (phase !== current) {
        if (current) bar.stop();
        current = phase;
        bar.start(total, done, { phase: phase.padEnd(9) });
      } else bar.update(done);
    },
    stop: () => bar.stop(),
  };
}
