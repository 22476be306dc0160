import { formatQuantity, lineDiscrepancy, transferStatuses, type TransferStatus } from '@bazaar/shared';
import { type Command, Option } from 'commander';
import type { TransferCounterView } from '../../core/transfers/transfers.api';
import type { StoreCore } from '../../core/store-core';
import { collect } from '../cli.bill-args';
import { qtyIn, splitLine, withCore } from '../cli.context';
import { cliT } from '../cli.i18n';
import { printJson, table } from '../cli.output';

/** `SKU:QTY` items in the product's own unit; a quantity of 0 is allowed (nothing sent, nothing good). */
async function items(core: StoreCore, texts: readonly string[]): Promise<{ product: string; qty: number }[]> {
  const out = [];
  for (const [i, text] of texts.entries()) {
    const { ref, qty } = splitLine(text);
    const p = await core.findProduct({ code: ref });
    out.push({ product: p.id, qty: /^0+(\.0*)?$/.test(qty.trim()) ? 0 : qtyIn(qty, p.unit, `line ${i + 1} (${text})`) });
  }
  return out;
}

const statusText = (s: TransferStatus) => cliT.t(`cli.transfer.status.${s}`);

function transferText(v: TransferCounterView, myCode: string): string {
  const t = v.transfer;
  const other = v.otherStore?.code ?? '?';
  const [from, to] = v.direction === 'out' ? [myCode, other] : [other, myCode];
  const rows = t.lines.map((l) => {
    const d = lineDiscrepancy(t, l);
    const q = (n: number | null) => (n === null ? '-' : formatQuantity(n, l.unit));
    return [String(l.lineNo), l.sku, l.name, q(l.qtySent), q(l.qtyReceived), l.qtyReceived === null ? '-' : q(l.qtyDamaged), d.short ? q(d.short) : '', d.over ? q(d.over) : ''];
  });
  return `${cliT.t('cli.transfer.title', { number: t.number, from, to, status: statusText(t.status) })}\n${table(cliT.t('cli.transfer.linesHeader').split('|'), rows, [3, 4, 5, 6, 7])}`;
}

export function registerTransferCommands(program: Command): void {
  const transfer = program.command('transfer').description(cliT.t('cli.help.transfer'));

  transfer
    .command('create <items...>')
    .description(cliT.t('cli.help.transferCreate'))
    .requiredOption('--to <store>', cliT.t('cli.help.transferTo'))
    .option('--note <text>', cliT.t('cli.help.transferNote'))
    .action(async (texts: string[], o: { to: string; note?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.createTransfer({ to: o.to, lines: await items(core, texts), note: o.note });
        if (g.json) return printJson(v);
        process.stdout.write(transferText(v, (await core.info()).storeCode ?? ''));
      });
    });

  transfer
    .command('dispatch <number> [items...]')
    .description(cliT.t('cli.help.transferDispatch'))
    .action(async (number: string, texts: string[], _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.dispatchTransfer({ transfer: number, lines: await items(core, texts) });
        if (g.json) return printJson(v);
        process.stdout.write(transferText(v, (await core.info()).storeCode ?? ''));
        process.stdout.write(`${cliT.t('cli.transfer.dispatched', { number: v.transfer.number, to: v.otherStore?.code ?? '?' })}\n`);
      });
    });

  transfer
    .command('receive <number> [items...]')
    .description(cliT.t('cli.help.transferReceive'))
    .option('--damaged <item>', cliT.t('cli.help.transferDamaged'), collect(String), [])
    .option('--close', cliT.t('cli.help.transferClose'))
    .action(async (number: string, texts: string[], o: { damaged: string[]; close?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const good = await items(core, texts);
        const bad = await items(core, o.damaged);
        const ids = [...new Set([...good, ...bad].map((x) => x.product))];
        const lines = ids.map((product) => ({ product, received: good.find((x) => x.product === product)?.qty ?? 0, damaged: bad.find((x) => x.product === product)?.qty ?? 0 }));
        const v = await core.receiveTransfer({ transfer: number, lines, close: Boolean(o.close) });
        if (g.json) return printJson(v);
        process.stdout.write(transferText(v, (await core.info()).storeCode ?? ''));
        process.stdout.write(`${cliT.t('cli.transfer.received', { number: v.transfer.number, status: statusText(v.transfer.status) })}\n`);
        if (v.transfer.lines.some((l) => { const d = lineDiscrepancy(v.transfer, l); return d.short + d.over + d.damaged > 0; })) process.stdout.write(`${cliT.t('cli.transfer.discrepancy')}\n`);
      });
    });

  transfer
    .command('list')
    .description(cliT.t('cli.help.transferList'))
    .addOption(new Option('--status <status>').choices([...transferStatuses]))
    .addOption(new Option('--in').conflicts('out'))
    .addOption(new Option('--out'))
    .option('--limit <n>', 'rows', '50')
    .action(async (o: { status?: TransferStatus; in?: boolean; out?: boolean; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.listTransfers({ status: o.status, direction: o.in ? 'in' : o.out ? 'out' : undefined, limit: Number(o.limit) });
        if (g.json) return printJson({ items });
        if (items.length === 0) return void process.stdout.write(`${cliT.t('cli.transfer.none')}\n`);
        process.stdout.write(
          table(
            cliT.t('cli.transfer.listHeader').split('|'),
            items.map((v) => [v.transfer.number, cliT.t(`cli.transfer.way.${v.direction}`), v.otherStore ? `${v.otherStore.code} ${v.otherStore.name}` : '?', statusText(v.transfer.status), String(v.transfer.lines.length), cliT.dateTime(v.transfer.createdAt)]),
            [4],
          ),
        );
      });
    });

  transfer
    .command('show <number>')
    .description(cliT.t('cli.help.transferShow'))
    .action(async (number: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.showTransfer({ transfer: number });
        if (g.json) return printJson(v);
        process.stdout.write(transferText(v, (await core.info()).storeCode ?? ''));
      });
    });
}
