import { locales, type Locale } from '../locales';
import { commonMessages } from './common.messages';
import { counterAppMessages } from './counter-app.messages';
import { counterSaleMessages } from './counter-sale.messages';
import { counterBillsMessages } from './counter-bills.messages';
import { counterReturnsMessages } from './counter-returns.messages';
import { counterSyncMessages } from './counter-sync.messages';
import { counterHistoryMessages } from './counter-history.messages';
import { counterStockMovesMessages } from './counter-stock-moves.messages';
import { counterCountMessages } from './counter-count.messages';
import { counterStockMessages } from './counter-stock.messages';
import { counterSessionMessages } from './counter-session.messages';
import { counterSettingsMessages } from './counter-settings.messages';
import { counterDisplayMessages } from './counter-display.messages';
import { webAppMessages } from './web-app.messages';
import { webStockMessages } from './web-stock.messages';
import { webCommonMessages } from './web-common.messages';
import { webRankingsMessages } from './web-rankings.messages';
import { webBillsMessages } from './web-bills.messages';
import { webShiftsMessages } from './web-shifts.messages';
import { webAccountMessages } from './web-account.messages';
import { webAuditMessages } from './web-audit.messages';
import { webSettingsMessages } from './web-settings.messages';
import { webTrendsMessages } from './web-trends.messages';
import { webViewsMessages } from './web-views.messages';
import { webConflictsMessages } from './web-conflicts.messages';
import { webFormsMessages } from './web-forms.messages';
import { webTransfersMessages } from './web-transfers.messages';
import { webPurchasesMessages } from './web-purchases.messages';
import { webExpiryMessages } from './web-expiry.messages';
import { cliMessages } from './cli.messages';
import { cliBillsMessages } from './cli-bills.messages';
import { cliBillsHelpMessages } from './cli-bills-help.messages';
import { purchasesMessages } from './purchases.messages';
import { cliTransfersMessages } from './cli-transfers.messages';
import { goodsMessages } from './goods.messages';
import { marginsMessages } from './margins.messages';
import { webMarginsMessages } from './web-margins.messages';
import { creditMessages } from './credit.messages';
import { counterTransfersMessages } from './counter-transfers.messages';
import { counterPurchasesMessages } from './counter-purchases.messages';
import { cliCreditMessages } from './cli-credit.messages';
import { webReceivablesMessages } from './web-receivables.messages';
import { counterCreditMessages } from './counter-credit.messages';
import type { Entry } from './define';

/** Every message of every app, by key. Areas are split into files only to keep them readable. */
export const messageEntries = {
  ...commonMessages,
  ...counterAppMessages,
  ...counterSaleMessages,
  ...counterBillsMessages,
  ...counterReturnsMessages,
  ...counterSyncMessages,
  ...counterHistoryMessages,
  ...counterStockMovesMessages,
  ...counterCountMessages,
  ...counterStockMessages,
  ...counterSessionMessages,
  ...counterSettingsMessages,
  ...counterDisplayMessages,
  ...webAppMessages,
  ...webStockMessages,
  ...webCommonMessages,
  ...webRankingsMessages,
  ...webBillsMessages,
  ...webShiftsMessages,
  ...webAccountMessages,
  ...webAuditMessages,
  ...webSettingsMessages,
  ...webTrendsMessages,
  ...webViewsMessages,
  ...webConflictsMessages,
  ...webFormsMessages,
  ...webTransfersMessages,
  ...webPurchasesMessages,
  ...webExpiryMessages,
  ...cliMessages,
  ...cliBillsMessages,
  ...cliBillsHelpMessages,
  ...purchasesMessages,
  ...cliTransfersMessages,
  ...goodsMessages,
  ...marginsMessages,
  ...webMarginsMessages,
  ...creditMessages,
  ...counterTransfersMessages,
  ...counterPurchasesMessages,
  ...cliCreditMessages,
  ...webReceivablesMessages,
  ...counterCreditMessages,
} satisfies Record<string, Entry>;

export type MessageKey = keyof typeof messageEntries;
export type Catalog = Readonly<Record<MessageKey, string>>;

function catalogOf(locale: Locale): Catalog {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(messageEntries)) out[key] = entry[locale];
  return out as Catalog;
}

/** One flat catalog per language, as the ICU formatter takes it. */
export const catalogs: Readonly<Record<Locale, Catalog>> = Object.fromEntries(locales.map((l) => [l, catalogOf(l)])) as Record<Locale, Catalog>;
