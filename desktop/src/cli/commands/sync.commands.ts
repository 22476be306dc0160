import { DomainError } from '@bazaar/shared';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { SyncStatusView } from '../../core/core.api';
import type { StoreCore } from '../../core/store-core';
import { EXIT, ExitWith, printJson, table } from '../cli.output';
import { withCore } from '../cli.context';

function statusText(s: SyncStatusView): string {
  const rows: [string, string][] = [
    ['state', s.state],
    ['hub', s.hubUrl ?? '(not enrolled: stand-alone store)'],
    ['pending movements', String(s.pendingMovements)],
    ['pending products', String(s.pendingProducts)],
    ['rejected by hub', String(s.rejectedMovements)],
    ['acked seq / last seq', `${s.ackedSeq} / ${s.lastSeq}`],
    ['last success', s.lastSuccessAt ?? 'never'],
    ['last error', s.lastError ? `${s.lastError} (${s.lastErrorAt})` : '-'],
    ['clock offset', `${s.clockOffsetMs} ms`],
  ];
  if (s.halted) rows.push(['halted', s.halted]);
  return table(['', ''], rows).split('\n').slice(2).join('\n');
}

export function registerSyncCommands(program: Command): void {
  program
    .command('enroll <hubUrl> <token>')
    .description("connect this store to a hub with a device token from the hub's device page (POST /api/v1/devices), then sync")
    .option('--force', 'enroll again although already enrolled (new token or new hub)')
    .action(async (hubUrl: string, token: string, o: { force?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        await core.enroll({ hubUrl, token, force: Boolean(o.force) });
        if (!g.json) process.stdout.write(`Enrolled to ${hubUrl}. Syncing…\n`);
        await runSync(core, Boolean(g.json));
      });
    });

  const sync = program.command('sync').description('push pending movements to the hub and pull its catalog, staff and stock');
  sync
    .command('now', { isDefault: true })
    .description('sync once now (the default)')
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => runSync(core, Boolean(g.json)));
    });
  sync
    .command('status')
    .description('online/offline, pending movements, last success, last error')
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const s = await core.syncStatus();
        if (g.json) return printJson(s);
        process.stdout.write(statusText(s));
      });
    });
}

async function runSync(core: StoreCore, json: boolean): Promise<void> {
  const bar = !json && process.stderr.isTTY ? new SingleBar({ format: '{phase} [{bar}] {value}/{total}', stream: process.stderr }, Presets.shades_classic) : null;
  let started = false;
  try {
    const r = await core.syncNow({
      onProgress: (p) => {
        if (!bar) return;
        if (p.phase === 'push' && p.total) {
          if (!started) bar.start(p.total, p.done, { phase: 'pushing movements' });
          started = true;
          bar.update(p.done);
        }
      },
    });
    bar?.stop();
    if (json) return printJson(r);
    process.stdout.write(`Pushed ${r.pushedMovements} movements in ${r.pushBatches} batches (${r.rejected} rejected, ${r.remaps} product remaps); pulled ${r.pulledPages} pages (${r.pulledProducts} products, ${r.pulledStockRows} stock rows)\n`);
    process.stdout.write(statusText(r.status));
  } catch (err) {
    bar?.stop();
    // Not a hub problem (not enrolled, bad input): report it as such.
    if (err instanceof DomainError) throw err;
    const s = await core.syncStatus();
    if (json) printJson({ error: { code: 'SERVICE_UNAVAILABLE', message: (err as Error).message }, status: s });
    else process.stderr.write(`sync failed: ${(err as Error).message}\nNothing is lost: ${s.pendingMovements} movements stay queued and go with the next sync.\n`);
    throw new ExitWith(EXIT.HUB);
  }
}
