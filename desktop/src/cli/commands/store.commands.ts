import { parseMoney, stockStatusWord, type BaseUnit, type Pack } from '@bazaar/shared';
import { collect } from '../cli.bill-args';
import { parsePack } from '../cli.goods-args';
import { cliT, cliPrice } from '../cli.i18n';
import { readFileSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { SingleBar, Presets } from 'cli-progress';
import { EXIT, ExitWith, printJson, table } from '../cli.output';
import { qtyIn, withCore } from '../cli.context';
import { resolveUserPath } from '../cli.env';
import { baseUnitNamed, IMPORT_HEADER_HELP } from '../../core/products/products.import';

const unitOption = new Option('--unit <unit>', cliT.t('cli.product.unitHelp'))
  .argParser((text: string) => {
    const unit = baseUnitNamed(text);
    if (!unit) throw new InvalidArgumentError(cliT.t('cli.product.unitUnknown', { unit: text }));
    return unit;
  })
  .default('pc');

export function registerStoreCommands(program: Command): void {
  program
    .command('init')
    .description(cliT.t('cli.help.init'))
    .requiredOption('--code <code>', cliT.t('cli.help.initCode'))
    .requiredOption('--name <name>', cliT.t('cli.help.initName'))
    .action(async (o: { code: string; name: string }, cmd: Command) => {
      await withCore(
        cmd,
        async (core, g) => {
          const info = await core.initStore({ code: o.code, name: o.name });
          if (g.json) return printJson(info);
          // The two commands stay as typed (left in the untranslated baseline): a shell reads them, in any language.
          process.stdout.write(`${cliT.t('cli.init.done', { code: info.storeCode, name: info.storeName, path: core.path, userCmd: 'bazaar-store user add <username> --name NAME --role manager --new-pin 1234', importCmd: 'bazaar-store product import items.csv' })}\n`);
        },
        { create: true },
      );
    });

  const user = program.command('user').description(cliT.t('cli.help.userGroup'));
  user
    .command('add <username>')
    .description(cliT.t('cli.help.userAdd'))
    .requiredOption('--name <name>', cliT.t('cli.help.userName'))
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'manager', 'staff']).default('staff'))
    .requiredOption('--new-pin <pin>', cliT.t('cli.help.userPin'))
    .action(async (username: string, o: { name: string; role: 'admin' | 'manager' | 'staff'; newPin: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const u = await core.createUser({ username, name: o.name, role: o.role, pin: o.newPin });
        if (g.json) return printJson(u);
        process.stdout.write(`${cliT.t('cli.user.added', { role: cliT.t(`role.${u.role}`), username: u.username, name: u.name })}\n`);
      });
    });
  user
    .command('list')
    .description(cliT.t('cli.help.userList'))
    .action(async (_o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const users = await core.listUsers();
        if (g.json) return printJson(users);
        process.stdout.write(table(cliT.t('cli.user.header').split('|'), users.map((u) => [u.username, u.name, cliT.t(`role.${u.role}`), u.active ? cliT.t('common.yes') : cliT.t('common.no'), u.origin])));
      });
    });

  program
    .command('supplier')
    .description('suppliers')
    .command('add <name>')
    .description(cliT.t('cli.help.supplierAdd'))
    .option('--phone <phone>')
    .option('--email <email>')
    .action(async (name: string, o: { phone?: string; email?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const s = await core.addSupplier({ name, phone: o.phone ?? null, email: o.email ?? null });
        if (g.json) return printJson(s);
        process.stdout.write(`${cliT.t('cli.supplier.added', { name: s.name, id: s.id })}\n`);
      });
    });

  const product = program.command('product').description(cliT.t('cli.help.productGroup'));
  product
    .command('add')
    .description(cliT.t('cli.help.productAdd'))
    .requiredOption('--sku <sku>', 'unique stock-keeping code')
    .requiredOption('--name <name>', cliT.t('cli.help.productName'))
    .addOption(unitOption)
    .requiredOption('--price <rupees>', cliT.t('cli.help.productPrice'))
    .option('--cost <rupees>', cliT.t('cli.help.productCost'), '0')
    .option('--barcode <barcode>', cliT.t('cli.help.productBarcode'))
    .option('--category <category>')
    .option('--reorder <qty>', cliT.t('cli.help.productReorder'), '0')
    .option('--pack <pack>', cliT.t('cli.help.productPack'), collect(parsePack), [])
    .action(async (o: { sku: string; name: string; unit: BaseUnit; price: string; cost: string; barcode?: string; category?: string; reorder: string; pack: Pack[] }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.addProduct({
          sku: o.sku,
          name: o.name,
          unit: o.unit,
          priceMinor: parseMoney(o.price),
          costMinor: parseMoney(o.cost),
          barcode: o.barcode ?? null,
          category: o.category ?? null,
          reorderLevel: qtyIn(o.reorder, o.unit, '--reorder'),
          packs: o.pack,
        });
        if (g.json) return printJson(p);
        process.stdout.write(`${cliT.t('cli.product.added', { sku: p.sku, name: p.name, price: cliPrice(p.priceMinor, p.unit) })}\n`);
      });
    });
  product
    .command('import <csv>')
    .description(cliT.t('cli.help.productImport', { header: IMPORT_HEADER_HELP }))
    .action(async (file: string, _o: unknown, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const csv = readFileSync(resolveUserPath(file), 'utf8');
        const bar = !g.json && process.stderr.isTTY ? new SingleBar({ format: 'importing [{bar}] {value}/{total} rows', stream: process.stderr }, Presets.shades_classic) : null;
        const r = await core.importProducts({ csv }, { onProgress: (done, total) => (done === 0 ? bar?.start(total, 0) : bar?.update(done)) });
        bar?.stop();
        if (g.json) printJson(r);
        else {
          process.stdout.write(`${cliT.t('cli.import.summary', { rows: r.rows, created: r.created, updated: r.updated, bad: r.bad.length })}\n`);
          if (r.bad.length > 0) {
            process.stdout.write(table(cliT.t('cli.import.header').split('|'), r.bad.map((b) => [b.line, b.sku ?? '', b.message]), [0]));
            process.stdout.write(`${cliT.t('cli.import.fix')}\n`);
          }
        }
        if (r.bad.length > 0) throw new ExitWith(EXIT.PARTIAL_IMPORT);
      });
    });
  product
    .command('find <query>')
    .description(cliT.t('cli.help.productFind'))
    .option('--limit <n>', cliT.t('cli.help.howMany'), '20')
    .action(async (query: string, o: { limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.searchProducts({ query, limit: Number(o.limit) });
        if (g.json) return printJson(items);
        process.stdout.write(
          table(
            cliT.t('cli.find.header').split('|'),
            items.map((p) => [p.sku, p.barcode ?? '', p.name, cliT.money(p.priceMinor), cliT.qty(p.qty, p.unit), stockStatusWord(cliT, p.status)]),
            [3, 4],
          ),
        );
      });
    });
  product
    .command('archive <product>')
    .description(cliT.t('cli.help.productArchive'))
    .option('--restore', cliT.t('cli.help.productRestore'))
    .action(async (ref: string, o: { restore?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.archiveProduct({ product: ref, archived: !o.restore });
        if (g.json) return printJson(p);
        process.stdout.write(`${cliT.t(p.archived ? 'cli.product.archived' : 'cli.product.restored', { sku: p.sku })}\n`);
      });
    });
}
