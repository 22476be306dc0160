import { parseMoney, type BaseUnit, type Pack } from '@bazaar/shared';
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
    .description('create a store database (stand-alone; enroll it to a hub later)')
    .requiredOption('--code <code>', 'short store code, e.g. BLR-042')
    .requiredOption('--name <name>', 'store name')
    .action(async (o: { code: string; name: string }, cmd: Command) => {
      await withCore(
        cmd,
        async (core, g) => {
          const info = await core.initStore({ code: o.code, name: o.name });
          if (g.json) return printJson(info);
          process.stdout.write(`${cliT.t('cli.init.done', { code: info.storeCode, name: info.storeName, path: core.path, userCmd: 'bazaar-store user add <username> --name NAME --role manager --new-pin 1234', importCmd: 'bazaar-store product import items.csv' })}\n`);
        },
        { create: true },
      );
    });

  const user = program.command('user').description('local staff who sign in with a PIN');
  user
    .command('add <username>')
    .description('add a user (stand-alone stores; enrolled stores get staff from the hub). The first user must be a manager or admin.')
    .requiredOption('--name <name>', 'full name')
    .addOption(new Option('--role <role>', 'role').choices(['admin', 'manager', 'staff']).default('staff'))
    .requiredOption('--new-pin <pin>', "the new user's PIN, 4 to 8 digits")
    .action(async (username: string, o: { name: string; role: 'admin' | 'manager' | 'staff'; newPin: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const u = await core.createUser({ username, name: o.name, role: o.role, pin: o.newPin });
        if (g.json) return printJson(u);
        process.stdout.write(`${cliT.t('cli.user.added', { role: cliT.t(`role.${u.role}`), username: u.username, name: u.name })}\n`);
      });
    });
  user
    .command('list')
    .description('list users')
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
    .description('add a supplier (stand-alone stores)')
    .option('--phone <phone>')
    .option('--email <email>')
    .action(async (name: string, o: { phone?: string; email?: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const s = await core.addSupplier({ name, phone: o.phone ?? null, email: o.email ?? null });
        if (g.json) return printJson(s);
        process.stdout.write(`${cliT.t('cli.supplier.added', { name: s.name, id: s.id })}\n`);
      });
    });

  const product = program.command('product').description('the catalog');
  product
    .command('add')
    .description('add a product')
    .requiredOption('--sku <sku>', 'unique stock-keeping code')
    .requiredOption('--name <name>', 'name shown at the counter')
    .addOption(unitOption)
    .requiredOption('--price <rupees>', 'selling price in rupees (per piece, per kg or per L), e.g. 45.50')
    .option('--cost <rupees>', 'cost price in rupees', '0')
    .option('--barcode <barcode>', 'barcode printed on the pack')
    .option('--category <category>')
    .option('--reorder <qty>', 'reorder level, e.g. 10 or 5kg', '0')
    .option('--pack <pack>', cliT.t('cli.help.productPack'), collect(parsePack), [])
    .action(async (o: { sku: string; name: string; unit: BaseUnit; price: string; cost: string; barcode?: string; category?: string; reorder: string; pack: Pack[] }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.addProduct({
          sku: o.sku,
          name: o.name,
          unit: o.unit,
          pricePaise: parseMoney(o.price),
          costPaise: parseMoney(o.cost),
          barcode: o.barcode ?? null,
          category: o.category ?? null,
          reorderLevel: qtyIn(o.reorder, o.unit, '--reorder'),
          packs: o.pack,
        });
        if (g.json) return printJson(p);
        process.stdout.write(`${cliT.t('cli.product.added', { sku: p.sku, name: p.name, price: cliPrice(p.pricePaise, p.unit) })}\n`);
      });
    });
  product
    .command('import <csv>')
    .description(`import or update products from a CSV file with a header: ${IMPORT_HEADER_HELP}`)
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
    .description('look up by barcode, SKU or the start of the name')
    .option('--limit <n>', 'how many', '20')
    .action(async (query: string, o: { limit: string }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const items = await core.searchProducts({ query, limit: Number(o.limit) });
        if (g.json) return printJson(items);
        process.stdout.write(
          table(
            cliT.t('cli.find.header').split('|'),
            items.map((p) => [p.sku, p.barcode ?? '', p.name, cliT.money(p.pricePaise), cliT.qty(p.qty, p.unit), p.status]),
            [3, 4],
          ),
        );
      });
    });
  product
    .command('archive <product>')
    .description('archive a product (it can no longer be sold; history stays)')
    .option('--restore', 'bring an archived product back')
    .action(async (ref: string, o: { restore?: boolean }, cmd: Command) => {
      await withCore(cmd, async (core, g) => {
        const p = await core.archiveProduct({ product: ref, archived: !o.restore });
        if (g.json) return printJson(p);
        process.stdout.write(`${cliT.t(p.archived ? 'cli.product.archived' : 'cli.product.restored', { sku: p.sku })}\n`);
      });
    });
}
