import { readFileSync } from 'node:fs';
import { DomainError, localDay, parseMoney, purchaseOrderText, type MessageKey } from '@bazaar/shared';
import type { Command } from 'commander';
import { parseCsv } from '../../core/products/csv.parse';
import type { PurchaseOrderView } from '../../core/purchases/purchases.api';
import type { StoreCore } from '../../core/store-core';
import { qtyIn, splitLine, withCore } from '../cli.context';
import { cliT } from '../cli.i18n';
import { printJson, table } from '../cli.output';

/** `SKU:QTY[@COST][+TAX]`: quantity as people type it, cost per pc/kg/L and the line's tax in rupees. */
async function parsePurchaseLines(core: StoreCore, lines: string[]) {
  const out: { product: string; qty: number; costMinor?: number; taxMinor: number }[] = [];
  for (const [i, raw] of lines.entries()) {
    let text = raw;
    let taxMinor = 0;
    const plus = text.lastIndexOf('+');
    if (plus > 0) {
      taxMinor = parseMoney(text.slice(plus + 1), cliT.t('cli.args.priceOf', { ref: text.slice(0, plus) }));
      text = text.slice(0, plus);
    }
    const at = text.lastIndexOf('@');
    const costMinor = at > 0 ? parseMoney(text.slice(at + 1), cliT.t('cli.args.priceOf', { ref: text.slice(0, at) })) : undefined;
    const { ref, qty } = splitLine(at > 0 ? text.slice(0, at) : text);
    const p = await core.findProduct({ code: ref });
    out.push({ product: p.id, qty: qtyIn(qty, p.unit, `line ${i + 1} (${raw})`), ...(costMinor !== undefined ? { costMinor } : {}), taxMinor });
  }
  return out;
}

/** The supplier's bill as CSV: sku (or barcode), qty, cost, tax; a first row naming the columns is skipped. */
async function parseBillCsv(core: StoreCore, path: string) {
  const records = parseCsv(readFileSync(path, 'utf8'));
  const rows = records.filter((r, i) => !(i === 0 && /^(sku|barcode|item)$/i.test(r.fields[0]?.trim() ?? '')));
  if (rows.length === 0) throw new DomainError('VALIDATION_FAILED', cliT.t('cli.receive.csvEmpty'));
  const out: { product: string; qty: number; costMinor?: number; taxMinor: number }[] = [];
  for (const r of rows) {
    try {
      const [ref = '', qty = '', cost = '', tax = ''] = r.fields.map((f) => f.trim());
      const p = await core.findProduct({ code: ref });
      out.push({ product: p.id, qty: qtyIn(qty, p.unit, 'qty'), ...(cost ? { costMinor: parseMoney(cost, 'cost') } : {}), taxMinor: tax ? parseMoney(tax, 'tax') : 0 });
    } catch (err) {
      throw new DomainError('VALIDATION_FAILED', cliT.t('cli.receive.csvBad', { line: r.line, problem: (err as Error).message }));
    }
  }
  return out;
}

const statusText = (s: PurchaseOrderView['status']) => cliT.t(`po.status.${s}` as MessageKey);

function orderText(v: PurchaseOrderView): string {
  const rows = v.lines.map((l) => [l.sku, l.name, cliT.qty(l.orderedQty, l.unit), cliT.qty(l.receivedQty, l.unit), l.overQty > 0 ? cliT.t('po.line.over', { qty: cliT.qty(l.overQty, l.unit) }) : cliT.qty(l.remainingQty, l.unit)]);
  const out = [cliT.t('cli.po.showTitle', { number: v.order.number, supplier: v.order.supplierName, status: statusText(v.status) }), table(cliT.t('cli.po.linesHeader').split('|'), rows, [2, 3, 4]).trimEnd()];
  if (v.unordered.length) out.push(cliT.t('cli.po.unordered', { items: v.unordered.map((u) => `${u.sku} ${cliT.qty(u.receivedQty, u.unit)}`).join(', ') }));
  if (v.receipts.length) out.push(cliT.t('cli.po.receipts', { list: v.receipts.map((r) => `${r.number} (${r.supplierBillNo})`).join(', ') }));
  return `${out.join('\n')}\n`;
}

export function registerPurchaseCommands(program: Command): void {
  const po = program.command('po').description(cliT.t('cli.help.po'));

  po.command('create <lines...>')
    .description(cliT.t('cli.help.poCreate'))
    .requiredOption('--supplier <name>', cliT.t('cli.help.poSupplier'))
    .option('--draft', cliT.t('cli.help.poDraft'))
    .option('--expected <day>', cliT.t('cli.help.poExpected'))
    .option('--note <text>')
    .action(async (lines: string[], o: { supplier: string; draft?: boolean; expected?: string; note?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const parsed = await parsePurchaseLines(core, lines);
        const v = await core.createPurchaseOrder({ supplier: o.supplier, lines: parsed.map((l) => ({ product: l.product, qty: l.qty, costMinor: l.costMinor })), status: o.draft ? 'draft' : 'sent', expectedDay: o.expected, note: o.note });
        if (g.json) return printJson(v);
        process.stdout.write(`${cliT.t('cli.po.created', { number: v.order.number, supplier: v.order.supplierName, lines: v.order.lines.length, total: cliT.money(v.order.totalMinor), status: statusText(v.status) })}\n`);
      });
    });

  po.command('list')
    .description(cliT.t('cli.help.poList'))
    .option('--open', cliT.t('cli.help.poOpen'))
    .option('--limit <n>', 'rows', '50')
    .action(async (o: { open?: boolean; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.listPurchaseOrders({ open: Boolean(o.open), limit: Number(o.limit) });
        if (g.json) return printJson({ items });
        if (items.length === 0) return void process.stdout.write(`${cliT.t('cli.po.none')}\n`);
        const rows = items.map((v) => [v.order.number, v.order.supplierName, statusText(v.status), v.order.lines.length, cliT.money(v.order.totalMinor), v.origin === 'hub' ? cliT.t('cli.po.madeHub') : cliT.t('cli.po.madeHere')]);
        process.stdout.write(table(cliT.t('cli.po.listHeader').split('|'), rows, [3, 4]));
      });
    });

  po.command('show <number>')
    .description(cliT.t('cli.help.poShow'))
    .option('--text', cliT.t('cli.help.poText'))
    .action(async (number: string, o: { text?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.purchaseOrder({ po: number });
        if (g.json) return printJson(v);
        const info = await core.info();
        process.stdout.write(o.text ? `${purchaseOrderText(v.order, info.storeName ?? v.order.storeCode, cliT)}\n` : orderText(v));
      });
    });

  po.command('cancel <number>')
    .description(cliT.t('cli.help.poCancel'))
    .action(async (number: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.cancelPurchaseOrder({ po: number });
        if (g.json) return printJson(v);
        process.stdout.write(`${cliT.t('cli.po.cancelled', { number: v.order.number })}\n`);
      });
    });

  program
    .command('receive [lines...]')
    .description(cliT.t('cli.help.receive'))
    .option('--po <number>', cliT.t('cli.help.receivePo'))
    .option('--supplier <name>', cliT.t('cli.help.poSupplier'))
    .requiredOption('--bill <number>', cliT.t('cli.help.receiveBill'))
    .option('--bill-date <day>', cliT.t('cli.help.receiveBillDate'))
    .option('--csv <file>', cliT.t('cli.help.receiveCsv'))
    .action(async (lines: string[], o: { po?: string; supplier?: string; bill: string; billDate?: string; csv?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const parsed = o.csv ? await parseBillCsv(core, o.csv) : await parsePurchaseLines(core, lines);
        const v = await core.receiveGoods({ po: o.po, supplier: o.supplier, supplierBillNo: o.bill, supplierBillDate: o.billDate ?? localDay(Date.now(), Intl.DateTimeFormat().resolvedOptions().timeZone), lines: parsed });
        if (g.json) return printJson(v);
        const r = v.receipt;
        const rows = r.lines.map((l, i) => [l.sku, l.name, cliT.qty(l.receivedQty, l.unit), cliT.money(l.costMinor), cliT.money(l.taxMinor), cliT.qty(v.lines[i]?.stockAfter ?? 0, l.unit), cliT.money(v.lines[i]?.costAfterMinor ?? l.costMinor)]);
        process.stdout.write(table(cliT.t('cli.receive.header').split('|'), rows, [2, 3, 4, 5, 6]));
        process.stdout.write(`${cliT.t('cli.receive.done', { number: r.number, bill: r.supplierBillNo, supplier: r.supplierName, total: cliT.money(r.totalMinor), tax: cliT.money(r.taxMinor) })}\n`);
        if (v.order) process.stdout.write(orderText(v.order).replace(/^.*\n/, `${cliT.t('cli.receive.against', { number: v.order.order.number, status: statusText(v.order.status) })}\n`));
      });
    });

  program
    .command('reorder')
    .description(cliT.t('cli.help.reorder'))
    .option('--lead <days>', cliT.t('cli.help.reorderLead'), '3')
    .option('--review <days>', cliT.t('cli.help.reorderReview'), '7')
    .option('--safety <days>', cliT.t('cli.help.reorderSafety'), '2')
    .option('--all', cliT.t('cli.help.reorderAll'))
    .action(async (o: { lead: string; review: string; safety: string; all?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.reorderSuggestions({ leadTimeDays: Number(o.lead), reviewDays: Number(o.review), safetyDays: Number(o.safety), all: Boolean(o.all) });
        if (g.json) return printJson({ items });
        if (items.length === 0) return void process.stdout.write(`${cliT.t('cli.reorder.none')}\n`);
        const rows = items.map((r) => [
          r.sku,
          r.name,
          r.supplierName ?? '-',
          cliT.qty(r.onHandQty, r.unit),
          cliT.qty(r.onOrderQty, r.unit),
          r.unit === 'pc' ? cliT.t('unit.pieces', { n: cliT.number(Math.round(r.velocityPerDay * 10) / 10) }) : cliT.qty(Math.round(r.velocityPerDay), r.unit),
          r.daysOfCover === null ? '-' : cliT.t('cli.reorder.days', { days: r.daysOfCover }),
          r.suggestedQty ? cliT.qty(r.suggestedQty, r.unit) : '-',
          r.orderDay ?? '-',
          r.reasons.map((k) => cliT.t(`reorder.reason.${k}` as MessageKey)).join('; '),
        ]);
        process.stdout.write(table(cliT.t('cli.reorder.header').split('|'), rows, [3, 4, 5, 6, 7]));
      });
    });
}
