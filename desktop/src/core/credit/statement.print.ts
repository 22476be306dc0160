import { createTranslator, statementText } from '@bazaar/shared';
import type { z } from 'zod';
import { sendToPrinter } from '../bills/printer.send';
import { escposStatement } from '../bills/receipt.escpos';
import { printerFor, rasterFor } from '../bills/receipt.print';
import type { CoreContext } from '../core.context';
import type { PrintedStatement, printStatementInput } from './credit.api';
import { showCustomer } from './credit.service';

/**
 * A customer's statement (opening balance, bills, payments, closing balance) on the counter's
 * receipt printer, the way a receipt goes: the shared statement text in the reader's language
 * at the paper's width, or the counter app's drawing of it when the printer cannot shape it.
 */
export async function printStatement(ctx: CoreContext, i: z.output<typeof printStatementInput>): Promise<PrintedStatement> {
  const { printer, width } = printerFor(ctx.raw, i);
  const view = await showCustomer(ctx, { customer: i.customer, from: i.from, to: i.to });
  const t = createTranslator({ locale: i.locale, currency: i.currency ?? null });
  const text = statementText({ name: view.storeName }, view.customer, view.statement, t, width, view.elsewhereMinor);
  const raster = rasterFor(i.raster, width, text, 'statement');
  const bytes = escposStatement({ text, columns: width, raster });
  await sendToPrinter(printer, bytes);
  return { customer: view.customer.name, printer, bytes: bytes.length, raster: raster !== undefined, text };
}
