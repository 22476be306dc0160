import { parseMoney, statementReminderText, repaymentMethodSchema, statementText, waMeLink, type RepaymentMethod } from '@bazaar/shared';
import { InvalidArgumentError, type Command } from 'commander';
import type { CustomerView } from '../../core/credit/credit.api';
import { approvalOf, receiptWidth } from '../cli.bill-args';
import { withCore } from '../cli.context';
import { cliEnv } from '../cli.env';
import { cliT } from '../cli.i18n';
import { printJson, table } from '../cli.output';

function rupees(text: string, what: string): number {
  try {
    return parseMoney(text, what);
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message);
  }
}

/** `--limit 5000` (rupees) or `--limit none`. */
function limitOf(text: string | undefined): number | null | undefined {
  if (text === undefined) return undefined;
  return text.trim().toLowerCase() === 'none' ? null : rupees(text, 'limit');
}

function method(text: string): RepaymentMethod {
  const m = repaymentMethodSchema.safeParse(text.trim().toLowerCase());
  if (!m.success) throw new InvalidArgumentError(cliT.t('cli.args.payMethod', { value: text, methods: repaymentMethodSchema.options.join(', ') }));
  return m.data;
}

const limitText = (v: CustomerView) => (v.customer.creditLimitMinor === null ? cliT.t('cli.customer.noLimit') : cliT.money(v.customer.creditLimitMinor));
const currency = () => cliEnv.BAZAAR_CURRENCY ?? cliT.currency.code;

function customersTable(views: readonly CustomerView[]): string {
  return table(
    cliT.t('cli.customer.header').split('|'),
    views.map((v) => [v.customer.name, v.customer.phone, cliT.money(v.balanceMinor), limitText(v), v.overdue.overdueMinor ? cliT.money(v.overdue.overdueMinor) : '']),
    [2, 3, 4],
  );
}

export function registerCreditCommands(program: Command): void {
  const customer = program.command('customer').description(cliT.t('cli.help.customer'));

  customer
    .command('add')
    .description(cliT.t('cli.help.customerAdd'))
    .requiredOption('--name <name>')
    .requiredOption('--phone <number>')
    .option('--address <text>')
    .option('--note <text>')
    .option('--limit <rupees>', cliT.t('cli.help.customerLimit'))
    .action(async (o: { name: string; phone: string; address?: string; note?: string; limit?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.addCustomer({ name: o.name, phone: o.phone, address: o.address, note: o.note, creditLimitMinor: limitOf(o.limit) ?? null });
        if (g.json) return printJson(v);
        const limit = v.customer.creditLimitMinor === null ? '' : cliT.t('cli.customer.limit', { limit: cliT.money(v.customer.creditLimitMinor) });
        process.stdout.write(`${cliT.t('cli.customer.added', { name: v.customer.name, phone: v.customer.phone, limit })}\n`);
      });
    });

  customer
    .command('edit <customer>')
    .description(cliT.t('cli.help.customerEdit'))
    .option('--name <name>')
    .option('--address <text>')
    .option('--note <text>')
    .option('--limit <rupees>', cliT.t('cli.help.customerLimit'))
    .action(async (ref: string, o: { name?: string; address?: string; note?: string; limit?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const limit = limitOf(o.limit);
        const v = await core.updateCustomer({ customer: ref, name: o.name, address: o.address, note: o.note, ...(limit !== undefined ? { creditLimitMinor: limit } : {}) });
        if (g.json) return printJson(v);
        process.stdout.write(`${cliT.t('cli.customer.changed', { name: v.customer.name, phone: v.customer.phone })}\n${customersTable([v])}`);
      });
    });

  customer
    .command('find [query]')
    .description(cliT.t('cli.help.customerFind'))
    .option('--limit <n>', 'rows', '20')
    .action(async (query: string | undefined, o: { limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const found = await core.findCustomers({ query: query ?? '', limit: Number(o.limit) });
        if (g.json) return printJson(found);
        process.stdout.write(found.length ? customersTable(found) : `${cliT.t('cli.customer.none')}\n`);
      });
    });

  customer
    .command('show <customer>')
    .description(cliT.t('cli.help.customerShow'))
    .option('--from <day>', cliT.t('cli.help.statementFrom'))
    .option('--to <day>', cliT.t('cli.help.statementTo'))
    .option('--width <mm>', 'paper: 58 (32 columns) or 80 (48 columns)', '80')
    .action(async (ref: string, o: { from?: string; to?: string; width: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const v = await core.showCustomer({ customer: ref, from: o.from, to: o.to });
        const all = o.from || o.to ? await core.showCustomer({ customer: ref }) : v;
        const text = statementReminderText(v.customer, all.statement, cliT, { storeName: v.storeName, elsewhereMinor: v.elsewhereMinor });
        const whatsapp = waMeLink(v.customer.phone, text, currency());
        if (g.json) return printJson({ ...v, reminder: { text, whatsapp } });
        const a = v.ageing;
        process.stdout.write(statementText({ name: v.storeName }, v.customer, v.statement, cliT, receiptWidth(o.width), v.elsewhereMinor));
        process.stdout.write(`\n${cliT.t('cli.customer.summary', { balance: cliT.money(v.balanceMinor), limit: limitText(v), overdue: cliT.money(v.overdue.overdueMinor) })}\n`);
        process.stdout.write(`${cliT.t('cli.customer.ageing', { a: cliT.money(a.d0_30), b: cliT.money(a.d31_60), c: cliT.money(a.d61_90), d: cliT.money(a.d90plus) })}\n`);
        process.stdout.write(`\n${cliT.t('cli.customer.reminder')}\n${text}\n${cliT.t('cli.customer.whatsapp', { link: whatsapp })}\n`);
      });
    });

  program
    .command('pay <customer> <rupees>')
    .description(cliT.t('cli.help.pay'))
    .option('--method <method>', cliT.t('cli.help.payMethod'), 'cash')
    .option('--note <text>')
    .action(async (ref: string, amount: string, o: { method: string; note?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const r = await core.receivePayment({ customer: ref, amountMinor: rupees(amount, 'amount'), method: method(o.method), note: o.note });
        if (g.json) return printJson(r);
        const name = (await core.showCustomer({ customer: r.entry.customerId })).customer.name;
        process.stdout.write(`${cliT.t('cli.pay.done', { amount: cliT.money(-r.entry.amountMinor), method: cliT.t(`bills.method.${method(o.method)}`), name, balance: cliT.money(r.balanceMinor) })}\n`);
      });
    });

  const udhaar = program.command('udhaar').description(cliT.t('cli.help.udhaar'));

  udhaar
    .command('list')
    .description(cliT.t('cli.help.udhaarList'))
    .option('--overdue', cliT.t('cli.help.udhaarOverdue'))
    .option('--limit <n>', 'rows', '100')
    .action(async (o: { overdue?: boolean; limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const rows = await core.receivables({ overdueOnly: Boolean(o.overdue), limit: Number(o.limit) });
        if (g.json) return printJson(rows);
        if (rows.length === 0) return void process.stdout.write(`${cliT.t(o.overdue ? 'cli.udhaar.noneOverdue' : 'cli.udhaar.none')}\n`);
        const m = (n: number) => (n ? cliT.money(n) : '');
        process.stdout.write(
          table(
            cliT.t('cli.udhaar.header').split('|'),
            rows.map((v) => [v.customer.name, v.customer.phone, cliT.money(v.balanceMinor), m(v.overdue.overdueMinor), v.overdue.daysOverdue ? String(v.overdue.daysOverdue) : '', m(v.ageing.d0_30), m(v.ageing.d31_60), m(v.ageing.d61_90), m(v.ageing.d90plus)]),
            [2, 3, 4, 5, 6, 7, 8],
          ),
        );
        process.stdout.write(`${cliT.t('cli.udhaar.total', { count: rows.length, total: cliT.money(rows.reduce((a, v) => a + v.balanceMinor, 0)) })}\n`);
      });
    });

  udhaar
    .command('adjust <customer> <rupees>')
    .description(cliT.t('cli.help.udhaarAdjust'))
    .requiredOption('--reason <text>')
    .option('--opening', cliT.t('cli.help.udhaarOpening'))
    .option('--approve <manager>', cliT.t('cli.help.sellApprove'))
    .option('--approve-pin <pin>', cliT.t('cli.help.approvePin'))
    .action(async (ref: string, amount: string, o: { reason: string; opening?: boolean; approve?: string; approvePin?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const t = amount.trim();
        const minor = t.startsWith('-') ? -rupees(t.slice(1), 'amount') : rupees(t.replace(/^\+/, ''), 'amount');
        const r = await core.adjustBalance({ customer: ref, amountMinor: minor, reason: o.reason, opening: Boolean(o.opening), approval: approvalOf(o) });
        if (g.json) return printJson(r);
        const name = (await core.showCustomer({ customer: r.entry.customerId })).customer.name;
        process.stdout.write(`${cliT.t('cli.udhaar.adjusted', { name, amount: cliT.money(r.entry.amountMinor), reason: o.reason, balance: cliT.money(r.balanceMinor) })}\n`);
      });
    });
}
