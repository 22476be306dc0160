import { DomainError } from '@bazaar/shared';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import type { SyncStatusView } from '../../core/core.api';
import type { StoreCore } from '../../core/store-core';
import { EXIT, ExitWith, printJson, table } from '../cli.output';
import { withCore } from '../cli.context';
import { cliPrice, cliT } from '../cli.i18n';
import { askToGoOn } from '../cli.confirm';

function statusText(s: SyncStatusView): string {
  const rows: [string, string][] = [
    [cliT.t('cli.status.state'), s.state],
    [cliT.t('cli.status.hub'), s.hubUrl ?? cliT.t('cli.status.notEnrolled')],
    [cliT.t('cli.status.pendingMovements'), String(s.pendingMovements)],
    [cliT.t('cli.status.pendingProducts'), String(s.pendingProducts)],
    [cliT.t('cli.status.rejected'), String(s.rejectedMovements)],
    [cliT.t('cli.status.seq'), `${s.ackedSeq} / ${s.lastSeq}`],
    [cliT.t('cli.status.lastSuccess'), s.lastSuccessAt ?? cliT.t('sync.time.never')],
    [cliT.t('cli.status.lastError'), s.lastError ? `${s.lastError} (${s.lastErrorAt})` : '-'],
    [cliT.t('cli.status.clock'), `${s.clockOffsetMs} ms`],
  ];
  if (s.halted) rows.push([cliT.t('cli.status.halted'), s.halted]);
  return table(['', ''], rows).split('\n').slice(2).join('\n');
}

export function registerSyncCommands(program: Command): void {
  program
    .command('enroll <hubUrl> <token>')
    .description(cliT.t('cli.help.enroll'))
    .option('--force', cliT.t('cli.help.enrollForce'))
    .option('--yes', cliT.t('cli.enroll.yesHelp'))
    .action(async (hubUrl: string, token: string, o: { force?: boolean; yes?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        if (!o.yes) {
          // Show what head office's catalog changes here before it changes (nothing is saved yet).
          const { priceChanges } = await core.enrollPreview({ hubUrl, token });
          if (priceChanges.length > 0) {
            const lines = priceChanges.map((c) => `  ${cliT.t('cli.enroll.priceChange', { sku: c.sku, name: c.name, before: cliPrice(c.beforeMinor, c.unit), after: cliPrice(c.afterMinor, c.unit) })}`);
            await askToGoOn(
              `${cliT.t('cli.enroll.pricesReplaced', { count: priceChanges.length })}\n${lines.join('\n')}\n`,
              `${cliT.t('cli.enroll.notEnrolledPassYes')}\n`,
              `${cliT.t('cli.enroll.ask')} `,
              `${cliT.t('cli.enroll.notEnrolled')}\n`,
            );
          }
        }
        await core.enroll({ hubUrl, token, force: Boolean(o.force) });
        if (!g.json) process.stdout.write(`${cliT.t('cli.enroll.done', { hub: hubUrl })}\n`);
        await runSync(core, Boolean(g.json));
      });
    });

  const sync = program.command('sync').description(cliT.t('cli.help.sync'));
  sync
    .command('now', { isDefault: true })
    .description(cliT.t('cli.help.syncNow'))
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => runSync(core, Boolean(g.json)));
    });
  sync
    .command('status')
    .description(cliT.t('cli.help.syncStatus'))
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
          if (!started) bar.start(p.total, p.done, { phase: cliT.t('cli.sync.pushing') });
          started = true;
          bar.update(p.done);
        }
      },
    });
    bar?.stop();
    if (json) return printJson(r);
    process.stdout.write(
      `${cliT.t('cli.sync.done', { pushed: r.pushedMovements, batches: r.pushBatches, rejected: r.rejected, remaps: r.remaps, pages: r.pulledPages, products: r.pulledProducts, rows: r.pulledStockRows })}\n`,
    );
    process.stdout.write(statusText(r.status));
  } catch (err) {
    bar?.stop();
    // Not a hub problem (not enrolled, bad input): report it as such.
    if (err instanceof DomainError) throw err;
    const s = await core.syncStatus();
    if (json) printJson({ error: { code: 'SERVICE_UNAVAILABLE', message: (err as Error).message }, status: s });
    else process.stderr.write(`${cliT.t('cli.sync.failed', { error: (err as Error).message, pending: s.pendingMovements })}\n`);
    throw new ExitWith(EXIT.HUB);
  }
}
