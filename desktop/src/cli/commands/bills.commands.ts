import { parseMoney, shiftReportText, type BaseUnit, type BillKind, type ScaleLayout } from '@bazaar/shared';
import { parseScale } from '../cli.goods-args';
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
  refundOriginal?: boolean;
  reason?: string;
  approve?: string;
  approvePin?: string;
}

export function registerBillCommands(program: Command): void {
  const bill = program.command('bill').description(cliT.t('cli.help.bill')).addHelpText('after', cliT.t('cli.help.billExitCodes'));

  bill
    .command('show <number>')
    .description(cliT.t('cli.help.billShow'))
    .action(async (number: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.showBill({ bill: number });
        if (g.json) return printJson(v);
        process.stdout.write(billText(v.bill, v.returnable));
      });
    });

  bill
    .command('print <number>')
    .description(cliT.t('cli.help.billPrint'))
    .option('--width <mm>', 'paper: 58 (32 columns) or 80 (48 columns)')
    .option('--printer [address]', cliT.t('cli.help.billPrintPrinter'))
    .action(async (number: string, o: { width?: string; printer?: string | true }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        if (o.printer !== undefined) {
          const p = await core.printReceipt({ bill: number, printer: o.printer === true ? undefined : o.printer, width: o.width ? receiptWidth(o.width) : undefined });
          if (g.json) return printJson(p);
          return void process.stdout.write(`${cliT.t('cli.bill.printed', { number: p.number, printer: p.printer, bytes: p.bytes, raster: p.raster ? 'yes' : 'no' })}\n`);
        }
        const v = await core.showBill({ bill: number, width: receiptWidth(o.width ?? '80') });
        if (g.json) return printJson({ number: v.bill.number, receiptText: v.receiptText });
        process.stdout.write(v.receiptText);
      });
    });

  bill
    .command('find')
    .description(cliT.t('cli.help.billFind'))
    .option('--number <text>', cliT.t('cli.help.billFindNumber'))
    .addOption(new Option('--from <when>', cliT.t('cli.help.from')).argParser((v) => parseWhen(v, 'from')))
    .addOption(new Option('--to <when>', cliT.t('cli.help.to')).argParser((v) => parseWhen(v, 'to')))
    .option('--amount <rupees>', cliT.t('cli.help.billAmount'))
    .addOption(new Option('--kind <kind>').choices(['sale', 'return', 'exchange']))
    .option('--limit <n>', 'rows', '50')
    .action(async (o: { number?: string; from?: string; to?: string; amount?: string; kind?: BillKind; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.findBills({ number: o.number, from: o.from, to: o.to, amountMinor: o.amount ? parseMoney(o.amount) : undefined, kind: o.kind, limit: Number(o.limit) });
        if (g.json) return printJson({ items });
        if (items.length === 0) return void process.stdout.write(`${cliT.t('cli.bill.none')}\n`);
        process.stdout.write(
          table(
            cliT.t('cli.bill.findHeader').split('|'),
            items.map((b) => [b.number, cliT.dateTime(b.occurredAt), cliT.t(`cli.bill.kind.${b.kind}`), cliT.t(`cli.bill.status.${b.status}`), cliT.money(b.totalMinor), b.methods.join('+'), b.cashier ?? '-']),
            [4],
          ),
        );
      });
    });

  bill
    .command('return [number]')
    .description(cliT.t('cli.help.billReturn'))
    .option('--line <n[:qty]>', cliT.t('cli.help.returnLine'), collect(parseReturnLine), [])
    .option('--item <item>', cliT.t('cli.help.returnItem'), collect(String), [])
    .option('--take <item>', cliT.t('cli.help.returnTake'), collect(String), [])
    .option('--damaged', cliT.t('cli.help.returnDamaged'))
    .option('--refund <method[=rupees]>', cliT.t('cli.help.returnRefund'), collect(parsePay), [])
    .option('--refund-original', cliT.t('cli.help.returnRefundOriginal'))
    .option('--reason <text>', cliT.t('cli.help.returnReason'))
    .option('--approve <manager>', cliT.t('cli.help.returnApprove'))
    .option('--approve-pin <pin>', cliT.t('cli.help.approvePin'))
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
        const r = await core.returnBill({ bill: number, lines, unreceipted, newLines, payments: o.refund.map((p) => (p.method === 'cash' && p.tenderedMinor !== undefined && newLines.length === 0 ? { method: 'cash', amountMinor: p.tenderedMinor } : p)), refundTo: o.refundOriginal ? 'original' : 'cash', reason: o.reason, approval: approvalOf(o) });
        if (g.json) return printJson(r);
        process.stdout.write(billText(r));
        const key = r.kind === 'exchange' ? 'cli.bill.exchanged' : 'cli.bill.returned';
        process.stdout.write(`${cliT.t(key, { number: r.number, original: r.originalNumber ?? '-', amount: cliT.money(-r.totalMinor), total: cliT.money(r.totalMinor) })}\n`);
      });
    });

  bill
    .command('void <number>')
    .description(cliT.t('cli.help.billVoid'))
    .requiredOption('--reason <text>', cliT.t('cli.help.voidReason'))
    .option('--approve <manager>', cliT.t('cli.help.voidApprove'))
    .option('--approve-pin <pin>', cliT.t('cli.help.approvePin'))
    .action(async (number: string, o: { reason: string; approve?: string; approvePin?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.voidBill({ bill: number, reason: o.reason, approval: approvalOf(o) });
        if (g.json) return printJson(v);
        process.stdout.write(`${cliT.t('cli.bill.voided', { number: v.number, reason: o.reason })}\n`);
      });
    });

  bill
    .command('settings')
    .description(cliT.t('cli.help.billSettings'))
    .option('--counter <code>', cliT.t('cli.help.settingsCounter'))
    .option('--cash-step <rupees>', cliT.t('cli.help.settingsCashStep'))
    .option('--methods <list>', cliT.t('cli.help.settingsMethods'))
    .option('--max-discount <percent>', cliT.t('cli.help.settingsMaxDiscount'))
    .option('--header <line>', cliT.t('cli.help.settingsHeader'), collect(String), [])
    .option('--time-zone <zone>', cliT.t('cli.help.settingsTimeZone'))
    .option('--scale <layout>', cliT.t('cli.help.settingsScale'), collect(parseScale), [])
    .option('--printer <address>', cliT.t('cli.help.settingsPrinter'))
    .option('--paper <mm>', cliT.t('cli.help.settingsPaper'))
    .action(async (o: { counter?: string; cashStep?: string; methods?: string; maxDiscount?: string; header: string[]; timeZone?: string; scale: (ScaleLayout | 'none')[]; printer?: string; paper?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const change = o.counter ?? o.cashStep ?? o.methods ?? o.maxDiscount ?? o.timeZone ?? o.header[0] ?? o.scale[0] ?? o.printer ?? o.paper;
        const s =
          change === undefined
            ? await core.billSettings()
            : await core.updateBillSettings({
                counterCode: o.counter,
                cashStepMinor: o.cashStep ? parseMoney(o.cashStep, cliT.t('cli.args.cashStep')) : undefined,
                paymentMethods: o.methods ? o.methods.split(',').map((m) => parsePay(m).method) : undefined,
                maxDiscountBasisPoints: o.maxDiscount ? Math.round(Number(o.maxDiscount) * 100) : undefined,
                receiptHeader: o.header.length ? o.header : undefined,
                timeZone: o.timeZone,
                scaleLayouts: o.scale.length ? o.scale.filter((l): l is ScaleLayout => l !== 'none') : undefined,
                receiptPrinter: o.printer === undefined ? undefined : o.printer === 'none' ? '' : o.printer,
                receiptWidth: o.paper ? receiptWidth(o.paper) : undefined,
              });
        if (g.json) return printJson(s);
        process.stdout.write(`${cliT.t('cli.bill.settings', { counter: s.counterCode, step: cliT.money(s.cashStepMinor), methods: s.paymentMethods.join(', '), limit: s.maxDiscountBasisPoints / 100 })}\n`);
        process.stdout.write(`${cliT.t('cli.bill.printer', { printer: s.receiptPrinter ?? 'none', paper: s.receiptWidth === 32 ? 58 : 80 })}\n`);
      });
    });

  const shift = program.command('shift').description(cliT.t('cli.help.shift')).addHelpText('after', cliT.t('cli.help.billExitCodes'));
  shift
    .command('open')
    .description(cliT.t('cli.help.shiftOpen'))
    .requiredOption('--float <rupees>', cliT.t('cli.help.shiftFloat'))
    .action(async (o: { float: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.openShift({ floatMinor: parseMoney(o.float, 'float') });
        if (g.json) return printJson(r);
        process.stdout.write(`${cliT.t('cli.shift.opened', { counter: r.counterCode, float: cliT.money(r.floatMinor) })}\n`);
      });
    });
  shift
    .command('status')
    .description(cliT.t('cli.help.shiftStatus'))
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.currentShift();
        if (g.json) return printJson(r);
        if (!r) return void process.stdout.write(`${cliT.t('cli.shift.none')}\n`);
        const info = await core.info();
        const s = await core.billSettings();
        process.stdout.write(shiftReportText(r, { width: 48, storeName: info.storeName ?? '', currencyLabel: s.currencyLabel, minorDigits: s.minorDigits, timeZone: s.timeZone ?? undefined }));
      });
    });
  shift
    .command('close')
    .description(cliT.t('cli.help.shiftClose'))
    .option('--count <notexcount>', cliT.t('cli.help.shiftCount'), collect(parseDenomination), [])
    .option('--width <mm>', cliT.t('cli.help.reportWidth'), '80')
    .action(async (o: { count: { denominationMinor: number; count: number }[]; width: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.closeShift({ counted: o.count });
        if (g.json) return printJson(r);
        const info = await core.info();
        const s = await core.billSettings();
        process.stdout.write(shiftReportText(r, { width: receiptWidth(o.width), storeName: info.storeName ?? '', currencyLabel: s.currencyLabel, minorDigits: s.minorDigits, timeZone: s.timeZone ?? undefined }));
      });
    });
}
