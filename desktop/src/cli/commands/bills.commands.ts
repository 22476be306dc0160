import { parseMoney, shiftReportText, type BaseUnit, type BillKind } from '@bazaar/shared';
import { type Command, Option } from 'commander';
import { approvalOf, collect, parseDenomination, parsePay, parseReturnLine, receiptWidth } from '../cli.bill-args';
import { parseWhen } from '../cli.args';
import { parseLines, qtyIn, withCore } from '../cli.context';
import { cliT } from '../cli.i18n';
import { printJson, table } from '../cli.output';
import { billText } from './bills.print';

interface ReturnOptions {
  line: { lineNo: number; qty: string | null }[];
  item: string[];
  take: string[];
  damaged?: boolean;
  refund: ReturnType<typeof parsePay>[];
  reason?: string;
  approve?: string;
  approvePin?: string;
}

export function registerBillCommands(program: Command): void {
  const bill = program.command('bill').description('bills: show, find, return, void, print');

  bill
    .command('show <number>')
    .description('a bill with its lines, payments and what can still be returned')
    .action(async (number: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.showBill({ bill: number });
        if (g.json) return printJson(v);
        process.stdout.write(billText(v.bill, v.returnable));
      });
    });

  bill
    .command('print <number>')
    .description('the receipt text of a bill (a reprint; a voided bill says VOID)')
    .option('--width <mm>', 'paper: 58 (32 columns) or 80 (48 columns)', '80')
    .action(async (number: string, o: { width: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.showBill({ bill: number, width: receiptWidth(o.width) });
        if (g.json) return printJson({ number: v.bill.number, receiptText: v.receiptText });
        process.stdout.write(v.receiptText);
      });
    });

  bill
    .command('find')
    .description('bills, newest first: by part of the number, day or time range, amount')
    .option('--number <text>', 'the number or part of it (as on the receipt)')
    .addOption(new Option('--from <when>', 'from this day (2026-11-23, local) or date-time').argParser((v) => parseWhen(v, 'from')))
    .addOption(new Option('--to <when>', 'up to and including this day, or before this date-time').argParser((v) => parseWhen(v, 'to')))
    .option('--amount <rupees>', 'the bill total (paid or refunded)')
    .addOption(new Option('--kind <kind>').choices(['sale', 'return', 'exchange']))
    .option('--limit <n>', 'rows', '50')
    .action(async (o: { number?: string; from?: string; to?: string; amount?: string; kind?: BillKind; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.findBills({ number: o.number, from: o.from, to: o.to, amountPaise: o.amount ? parseMoney(o.amount) : undefined, kind: o.kind, limit: Number(o.limit) });
        if (g.json) return printJson({ items });
        if (items.length === 0) return void process.stdout.write(`${cliT.t('cli.bill.none')}\n`);
        process.stdout.write(
          table(
            cliT.t('cli.bill.findHeader').split('|'),
            items.map((b) => [b.number, cliT.dateTime(b.occurredAt), cliT.t(`cli.bill.kind.${b.kind}`), cliT.t(`cli.bill.status.${b.status}`), cliT.money(b.totalPaise), b.methods.join('+'), b.cashier ?? '-']),
            [4],
          ),
        );
      });
    });

  bill
    .command('return [number]')
    .description('take goods back: --line N[:QTY] of the bill (QTY in the line unit; all that is left when omitted); without a bill number, --item SKU:QTY with --reason and a manager; --take SKU:QTY makes it an exchange')
    .option('--line <n[:qty]>', 'a line of the bill to return, repeatable', collect(parseReturnLine), [])
    .option('--item <sku:qty>', 'goods returned without a receipt, repeatable', collect(String), [])
    .option('--take <sku:qty>', 'goods taken instead (an exchange), repeatable', collect(String), [])
    .option('--damaged', 'the goods are damaged: written off as a damage removal instead of going back to stock')
    .option('--refund <method[=rupees]>', 'how the money goes back (cash when not given), repeatable: upi, cash=100; for an exchange that costs more, how it is paid', collect(parsePay), [])
    .option('--reason <text>', 'why (needed without a receipt)')
    .option('--approve <manager>', 'a manager approving (a return without a receipt, a price below cost)')
    .option('--approve-pin <pin>', 'PIN of --approve')
    .action(async (number: string | undefined, o: ReturnOptions, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const disposition = o.damaged ? ('damaged' as const) : ('restock' as const);
        let lines: { lineNo: number; qty: number; disposition: 'restock' | 'damaged' }[] = [];
        if (number) {
          const v = await core.showBill({ bill: number });
          lines = o.line.map((l) => {
            const line = v.bill.lines.find((x) => x.lineNo === l.lineNo);
            const unit: BaseUnit = line?.unit ?? 'pc';
            return { lineNo: l.lineNo, qty: l.qty === null ? (v.returnable[l.lineNo] ?? 0) : qtyIn(l.qty, unit, `line ${l.lineNo}`), disposition };
          });
        }
        const unreceipted = (await parseLines(core, o.item)).map((l) => ({ product: l.product, qty: l.qty, disposition }));
        const newLines = (await parseLines(core, o.take)).map((l) => ({ product: l.product, qty: l.qty }));
        const r = await core.returnBill({ bill: number, lines, unreceipted, newLines, payments: o.refund.map((p) => (p.method === 'cash' && p.tenderedPaise !== undefined && newLines.length === 0 ? { method: 'cash', amountPaise: p.tenderedPaise } : p)), reason: o.reason, approval: approvalOf(o) });
        if (g.json) return printJson(r);
        process.stdout.write(billText(r));
        const key = r.kind === 'exchange' ? 'cli.bill.exchanged' : 'cli.bill.returned';
        process.stdout.write(`${cliT.t(key, { number: r.number, original: r.originalNumber ?? '-', amount: cliT.money(-r.totalPaise), total: cliT.money(r.totalPaise) })}\n`);
      });
    });

  bill
    .command('void <number>')
    .description('void a completed bill (a manager, with a reason): its stock movements are reversed by new ones, nothing is deleted')
    .requiredOption('--reason <text>', 'why the bill is voided')
    .option('--approve <manager>', 'the approving manager when a cashier is signed in')
    .option('--approve-pin <pin>', 'PIN of --approve')
    .action(async (number: string, o: { reason: string; approve?: string; approvePin?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.voidBill({ bill: number, reason: o.reason, approval: approvalOf(o) });
        if (g.json) return printJson(v);
        process.stdout.write(`${cliT.t('cli.bill.voided', { number: v.number, reason: o.reason })}\n`);
      });
    });

  bill
    .command('settings')
    .description("the counter's bill rules; options change them (managers)")
    .option('--counter <code>', 'this counter\'s code in bill numbers, e.g. C2 (unique in the store)')
    .option('--cash-step <rupees>', 'round totals to this much cash: 1, 5, 0.50 (0.01 = no rounding)')
    .option('--methods <list>', 'payment methods taken besides cash, comma-separated: upi,card,jazzcash,easypaisa,credit')
    .option('--max-discount <percent>', 'discounts above this need a manager')
    .option('--header <line>', 'receipt header line under the store name, repeatable', collect(String), [])
    .option('--time-zone <zone>', 'the store time zone for receipts, e.g. Asia/Karachi')
    .action(async (o: { counter?: string; cashStep?: string; methods?: string; maxDiscount?: string; header: string[]; timeZone?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const change = o.counter ?? o.cashStep ?? o.methods ?? o.maxDiscount ?? o.timeZone ?? o.header[0];
        const s =
          change === undefined
            ? await core.billSettings()
            : await core.updateBillSettings({
                counterCode: o.counter,
                cashStepPaise: o.cashStep ? parseMoney(o.cashStep, 'cash step') : undefined,
                paymentMethods: o.methods ? o.methods.split(',').map((m) => parsePay(m).method) : undefined,
                maxDiscountBasisPoints: o.maxDiscount ? Math.round(Number(o.maxDiscount) * 100) : undefined,
                receiptHeader: o.header.length ? o.header : undefined,
                timeZone: o.timeZone,
              });
        if (g.json) return printJson(s);
        process.stdout.write(`${cliT.t('cli.bill.settings', { counter: s.counterCode, step: cliT.money(s.cashStepPaise), methods: s.paymentMethods.join(', '), limit: s.maxDiscountBasisPoints / 100 })}\n`);
      });
    });

  const shift = program.command('shift').description('the cashier shift: open with a float, close with the cash counted (Z report)');
  shift
    .command('open')
    .description('open a shift with the float in the drawer')
    .requiredOption('--float <rupees>', 'cash in the drawer at the start')
    .action(async (o: { float: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.openShift({ floatPaise: parseMoney(o.float, 'float') });
        if (g.json) return printJson(r);
        process.stdout.write(`${cliT.t('cli.shift.opened', { counter: r.counterCode, float: cliT.money(r.floatPaise) })}\n`);
      });
    });
  shift
    .command('status')
    .description('the open shift so far (X report)')
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.currentShift();
        if (g.json) return printJson(r);
        if (!r) return void process.stdout.write(`${cliT.t('cli.shift.none')}\n`);
        const info = await core.info();
        const s = await core.billSettings();
        process.stdout.write(shiftReportText(r, { width: 48, storeName: info.storeName ?? '', currencyLabel: s.currencyLabel, timeZone: s.timeZone ?? undefined }));
      });
    });
  shift
    .command('close')
    .description('close the shift: count the cash by note and coin (--count 500x3 --count 100x7 …); prints the Z report')
    .option('--count <notexcount>', 'notes or coins of one value: 500x3 = three Rs 500 notes, repeatable', collect(parseDenomination), [])
    .option('--width <mm>', 'report paper: 58 or 80', '80')
    .action(async (o: { count: { denominationPaise: number; count: number }[]; width: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.closeShift({ counted: o.count });
        if (g.json) return printJson(r);
        const info = await core.info();
        const s = await core.billSettings();
        process.stdout.write(shiftReportText(r, { width: receiptWidth(o.width), storeName: info.storeName ?? '', currencyLabel: s.currencyLabel, timeZone: s.timeZone ?? undefined }));
      });
    });
}
