import { DomainError, formatQuantity, isKnownAuditAction, movementKindWord, movementSyncWord, parseMoney, removalReasonWord, stockStatusWord, type Discount, type MovementKind, type PaymentInput, type StockStatus } from '@bazaar/shared';
import { type Command, Option } from 'commander';
import type { StoreCore } from '../../core/store-core';
import { EXIT, ExitWith, printJson, table } from '../cli.output';
import { parseLines, qtyIn, qtyText, withCore } from '../cli.context';
import { MOVEMENT_KINDS, parseKind, parseWhen } from '../cli.args';
import { confirmLargeChanges } from '../cli.confirm';
import { approvalOf, collect, parseDiscount, parseLineDiscount, parsePay, receiptWidth } from '../cli.bill-args';
import { cliT } from '../cli.i18n';

interface SellOptions {
  note?: string;
  cash?: string;
  pay: PaymentInput[];
  discount?: string;
  lineDiscount: { line: number; discount: Discount }[];
  approve?: string;
  approvePin?: string;
  receipt?: string | boolean;
  credit?: string;
  due?: string;
}

/** `SKU:QTY@PRICE`: the line as parseLines reads it, with the price charged when one is given (rupees). */
async function parseSaleLines(core: StoreCore, lines: string[]) {
  const priced = lines.map((text) => {
    const at = text.lastIndexOf('@');
    return at > 0 ? { text: text.slice(0, at), price: parseMoney(text.slice(at + 1), cliT.t('cli.args.priceOf', { ref: text.slice(0, at) })) } : { text, price: undefined };
  });
  const parsed = await parseLines(core, priced.map((p) => p.text));
  return parsed.map((p, i) => ({ ...p, unitPriceMinor: priced[i]?.price }));
}

export function registerMovementCommands(program: Command): void {
  program
    .command('sell <lines...>')
    .description(cliT.t('cli.help.sell'))
    .option('--note <text>')
    .option('--cash <rupees>', cliT.t('cli.help.sellCash'))
    .option('--pay <method=rupees>', cliT.t('cli.help.sellPay'), collect(parsePay), [])
    .option('--discount <off>', cliT.t('cli.help.sellDiscount'))
    .option('--line-discount <n=off>', cliT.t('cli.help.sellLineDiscount'), collect(parseLineDiscount), [])
    .option('--approve <manager>', cliT.t('cli.help.sellApprove'))
    .option('--approve-pin <pin>', cliT.t('cli.help.approvePin'))
    .option('--receipt [width]', cliT.t('cli.help.sellReceipt'))
    .option('--credit <customer>', cliT.t('cli.help.sellCredit'))
    .option('--due <day>', cliT.t('cli.help.sellDue'))
    .action(async (lines: string[], o: SellOptions, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const parsed = await parseSaleLines(core, lines);
        for (const d of o.lineDiscount) if (d.line > parsed.length) throw new DomainError('VALIDATION_FAILED', cliT.t('cli.args.lineDiscountRange', { line: d.line, count: parsed.length }));
        const given = [...o.pay, ...(o.cash !== undefined ? [{ method: 'cash' as const, tenderedMinor: parseMoney(o.cash, 'cash') }] : [])];
        // --credit alone puts the whole bill on the customer's account.
        const payments = o.credit && given.length === 0 ? [{ method: 'credit' as const }] : given;
        const sale = await core.sell({
          lines: parsed.map((l, i) => ({
            product: l.product,
            qty: l.qty,
            unitPriceMinor: l.unitPriceMinor,
            discount: o.lineDiscount.find((d) => d.line === i + 1)?.discount,
            ...(l.pack ? { pack: l.pack.name } : {}),
            ...(l.labelPriceMinor !== null ? { labelPriceMinor: l.labelPriceMinor } : {}),
          })),
          note: o.note,
          billDiscount: o.discount ? parseDiscount(o.discount) : undefined,
          payments,
          approval: approvalOf(o),
          ...(o.credit ? { credit: { customer: o.credit, ...(o.due ? { dueOn: o.due } : {}) } } : {}),
        });
        if (g.json) return printJson(sale);
        const units = new Map(parsed.map((p) => [p.product, p.unit]));
        process.stdout.write(
          table(
            cliT.t('cli.sell.header').split('|'),
            sale.bill.lines.map((l, i) => [l.sku, l.name, qtyText(l.qty, l.unit, l.pack), cliT.money(l.unitPriceMinor), l.lineDiscountMinor + l.billDiscountMinor ? cliT.money(-(l.lineDiscountMinor + l.billDiscountMinor)) : '', cliT.money(l.totalMinor), formatQuantity(sale.lines[i]?.stockAfter ?? 0, l.unit)]),
            [2, 3, 4, 5, 6],
          ),
        );
        process.stdout.write(`${cliT.t('cli.sell.bill', { number: sale.billNumber, total: cliT.money(sale.totalMinor) })}\n`);
        if (sale.bill.discountMinor || sale.bill.roundingMinor) process.stdout.write(`${cliT.t('cli.sell.discount', { discount: cliT.money(sale.bill.discountMinor), rounding: cliT.money(sale.bill.roundingMinor) })}\n`);
        if (sale.changeMinor > 0) process.stdout.write(`${cliT.t('cli.sell.change', { change: cliT.money(sale.changeMinor) })}\n`);
        const onCredit = sale.bill.payments.filter((p) => p.method === 'credit').reduce((a, p) => a + p.amountMinor, 0);
        if (o.credit && onCredit > 0) {
          const c = await core.showCustomer({ customer: o.credit });
          process.stdout.write(`${cliT.t('cli.sell.onCredit', { name: c.customer.name, amount: cliT.money(onCredit), balance: cliT.money(c.balanceMinor) })}\n`);
        }
        if (sale.bill.approvedBy) process.stdout.write(`${cliT.t('cli.sell.approved', { manager: sale.bill.approvedBy.name, reasons: sale.bill.approvedBy.reasons.join(', ') })}\n`);
        // Selling more than the system has is allowed (the goods were on the shelf), but said.
        for (const l of sale.lines.filter((x) => x.stockAfter < 0)) {
          const unit = units.get(l.productId) ?? 'pc';
          process.stdout.write(`${cliT.t('cli.sell.lowStock', { had: formatQuantity(l.stockAfter + l.qty, unit), sku: l.sku, now: formatQuantity(l.stockAfter, unit) })}\n`);
        }
        if (o.receipt !== undefined) process.stdout.write(`\n${(await core.showBill({ bill: sale.billNumber, width: receiptWidth(o.receipt) })).receiptText}`);
      });
    });

  program
    .command('stock-in <product> <qty>')
    .description(cliT.t('cli.help.stockIn'))
    .option('--cost <rupees>', cliT.t('cli.help.stockInCost'))
    .option('--supplier <name>', cliT.t('cli.help.supplierRef'))
    .option('--note <text>')
    .option('--lot <batch>', cliT.t('cli.help.stockInLot'))
    .option('--expires <YYYY-MM-DD>', cliT.t('cli.help.stockInExpires'))
    .action(async (ref: string, qty: string, o: { cost?: string; supplier?: string; note?: string; lot?: string; expires?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const [line] = await parseLines(core, [`${ref}:${qty}`]);
        if (!line) return;
        const r = await core.stockIn({ product: line.product, qty: line.qty, unitCostMinor: o.cost ? parseMoney(o.cost) : undefined, supplier: o.supplier, note: o.note, lot: o.lot, expiresOn: o.expires });
        if (g.json) return printJson(r);
        const batch = r.movement.lot || r.movement.expiresOn ? cliT.t('cli.stockIn.batch', { lot: r.movement.lot ?? '—', expires: r.movement.expiresOn ?? '—' }) : '';
        process.stdout.write(`${cliT.t('cli.stockIn.received', { qty: qtyText(r.movement.qty, line.unit, line.pack), sku: line.sku, batch, now: formatQuantity(r.stockAfter, line.unit) })}\n`);
      });
    });

  program
    .command('remove <product> <qty>')
    .description(cliT.t('cli.help.remove'))
    .addOption(new Option('--reason <reason>', 'why').choices(['damage', 'expiry', 'theft', 'other']).makeOptionMandatory())
    .option('--note <text>')
    .option('--yes', cliT.t('cli.help.removeYes'))
    .action(async (ref: string, qty: string, o: { reason: 'damage' | 'expiry' | 'theft' | 'other'; note?: string; yes?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.findProduct({ code: ref });
        const amount = qtyIn(qty, p.unit, 'quantity');
        await confirmLargeChanges([{ sku: p.sku, unit: p.unit, before: p.qty, after: p.qty - amount }], 'remove', o.yes === true);
        const r = await core.remove({ product: p.id, qty: amount, reason: o.reason, note: o.note });
        if (g.json) return printJson(r);
        process.stdout.write(`${cliT.t('cli.removed', { qty: formatQuantity(-r.movement.qty, p.unit), sku: p.sku, reason: o.reason, now: formatQuantity(r.stockAfter, p.unit) })}\n`);
      });
    });

  program
    .command('remove-expired')
    .description(cliT.t('cli.help.removeExpired'))
    .option('--note <text>')
    .action(async (o: { note?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.removeExpired({ note: o.note });
        if (g.json) return printJson(r);
        if (r.removed.length === 0) return void process.stdout.write(`${cliT.t('cli.removeExpired.none', { today: r.today })}\n`);
        const heads = (['product', 'lot', 'expired', 'qty', 'cost', 'stock'] as const).map((k) => cliT.t(`cli.removeExpired.${k}`));
        process.stdout.write(
          table(
            heads,
            r.removed.map((l) => [`${l.sku} ${l.productName}`, l.lot ?? cliT.t('cli.removeExpired.noLot'), l.expiresOn, formatQuantity(l.qty, l.unit), cliT.money(l.costMinor), formatQuantity(l.stockAfter, l.unit)]),
            [3, 4, 5],
          ),
        );
        process.stdout.write(`${cliT.t('cli.removeExpired.done', { count: r.removed.length, cost: cliT.money(r.removed.reduce((a, l) => a + l.costMinor, 0)) })}\n`);
      });
    });

  program
    .command('count <lines...>')
    .description(cliT.t('cli.help.count'))
    .option('--note <text>')
    .option('--yes', cliT.t('cli.help.countYes'))
    .action(async (lines: string[], o: { note?: string; yes?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const parsed = await parseLines(core, lines);
        await confirmLargeChanges(parsed.map((l) => ({ sku: l.sku, unit: l.unit, before: l.stock, after: l.qty })), 'count', o.yes === true);
        const r = await core.count({ lines: parsed.map((l) => ({ product: l.product, counted: l.qty })), note: o.note });
        if (g.json) return printJson(r);
        process.stdout.write(
          table(
            cliT.t('cli.count.header').split('|'),
            r.lines.map((l) => [l.sku, l.name, formatQuantity(l.expected, l.unit), formatQuantity(l.counted, l.unit), `${l.variance > 0 ? '+' : ''}${formatQuantity(l.variance, l.unit)}`]),
            [2, 3, 4],
          ),
        );
      });
    });

  program
    .command('adjust <product> <delta>')
    .description(cliT.t('cli.help.adjust'))
    .requiredOption('--note <why>', cliT.t('cli.help.adjustNote'))
    .action(async (ref: string, delta: string, o: { note: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.findProduct({ code: ref });
        const negative = delta.trim().startsWith('-');
        const amount = qtyIn(delta.trim().replace(/^[+-]/, ''), p.unit, 'delta');
        const r = await core.adjust({ product: p.id, delta: negative ? -amount : amount, note: o.note });
        if (g.json) return printJson(r);
        process.stdout.write(`${cliT.t('cli.adjusted', { sku: p.sku, delta: formatQuantity(r.movement.qty, p.unit), now: formatQuantity(r.stockAfter, p.unit) })}\n`);
      });
    });

  program
    .command('stock')
    .description(cliT.t('cli.help.stock'))
    .option('--low', cliT.t('cli.help.stockLow'))
    .option('--out', cliT.t('cli.help.stockOut'))
    .option('--search <text>', cliT.t('cli.help.stockSearch'))
    .option('--category <name>')
    .option('--supplier <id>')
    .option('--limit <n>', cliT.t('cli.help.limit'), '200')
    .action(async (o: { low?: boolean; out?: boolean; search?: string; category?: string; supplier?: string; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const status: StockStatus | undefined = o.out ? 'out' : o.low ? 'low' : undefined;
        const r = await core.listStock({ status, search: o.search, category: o.category, supplierId: o.supplier, limit: Number(o.limit) });
        if (g.json) return printJson(r);
        process.stdout.write(
          table(
            cliT.t('cli.stock.header').split('|'),
            r.items.map((i) => [i.sku, i.name, i.category ?? '', formatQuantity(i.qty, i.unit), formatQuantity(i.reorderLevel, i.unit), stockStatusWord(cliT, i.status)]),
            [3, 4],
          ),
        );
        process.stdout.write(`${cliT.t('cli.stock.shown', { shown: r.items.length, total: r.total })}${r.total > r.items.length ? cliT.t('cli.stock.more') : ''}\n`);
      });
    });

  program
    .command('history')
    .description(cliT.t('cli.help.history'))
    .option('--product <ref>', cliT.t('cli.help.historyProduct'))
    .addOption(new Option('--kind <kind>', cliT.t('cli.help.historyKind', { kinds: MOVEMENT_KINDS.join(', ') })).argParser(parseKind))
    .addOption(new Option('--from <when>', cliT.t('cli.help.historyFrom')).argParser((v) => parseWhen(v, 'from')))
    .addOption(new Option('--to <when>', cliT.t('cli.help.historyTo')).argParser((v) => parseWhen(v, 'to')))
    .option('--limit <n>', 'rows', '50')
    .action(async (o: { product?: string; kind?: MovementKind; from?: string; to?: string; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.history({ product: o.product, kind: o.kind, from: o.from, to: o.to, limit: Number(o.limit) });
        if (g.json) return printJson(r);
        if (r.items.length === 0) {
          process.stdout.write(`${cliT.t('cli.history.none')}\n`);
          return;
        }
        process.stdout.write(
          table(
            cliT.t('cli.history.header').split('|'),
            r.items.map((m) => [m.seq, cliT.dateTime(m.occurredAt), movementKindWord(cliT, m.kind), m.sku, formatQuantity(m.qty, m.unit), [removalReasonWord(cliT, m.reason), m.note].filter(Boolean).join(' '), movementSyncWord(cliT, m.syncStatus) + (m.syncReason ? `: ${m.syncReason}` : '')]),
            [0, 4],
          ),
        );
      });
    });

  const audit = program.command('audit').description(cliT.t('cli.help.audit'));
  audit
    .command('verify')
    .description(cliT.t('cli.help.auditVerify'))
    .option('--full', cliT.t('cli.help.auditFull'))
    .action(async (o: { full?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const showProgress = !g.json && process.stderr.isTTY;
        const v = await core.verifyAudit({ full: o.full === true }, {
          onProgress: (done, total) => {
            if (showProgress && total > 0) process.stderr.write(`\rverifying ${Math.min(done, total).toLocaleString('en')} of ${total.toLocaleString('en')} entries`);
          },
        });
        if (showProgress) process.stderr.write('\r\x1b[K');
        if (g.json) printJson(v);
        else if (v.ok && v.mode === 'incremental') process.stdout.write(`${cliT.t('cli.audit.okSince', { count: v.checked - v.coveredBefore, before: v.coveredBefore })}\n`);
        else if (v.ok) process.stdout.write(`${cliT.t('cli.audit.ok', { count: v.checked })}\n`);
        else process.stdout.write(`${cliT.t('cli.audit.broken', { count: v.checked, at: v.firstBroken?.id ?? '', reason: v.firstBroken?.reason ?? '' })}\n`);
        if (!v.ok) throw new ExitWith(EXIT.AUDIT_BROKEN);
      });
    });
  audit
    .command('log')
    .description(cliT.t('cli.help.auditLog'))
    .option('--action <action>', cliT.t('cli.help.auditAction'))
    .option('--limit <n>', 'rows', '30')
    .action(async (o: { action?: string; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.auditLog({ action: o.action, limit: Number(o.limit) });
        if (g.json) return printJson(r);
        const action = (a: string) => (isKnownAuditAction(a) ? cliT.t(`audit.action.${a}`) : a);
        process.stdout.write(table(cliT.t('cli.audit.header').split('|'), r.items.map((e) => [cliT.dateTime(e.at), e.actorName ?? '-', action(e.action), `${e.entity} ${e.entityId ?? ''}`, e.hash.slice(0, 12)])));
      });
    });
}
