/** Text not yet in the catalogs, as found by untranslated.scan.ts. Shrinks only: new text goes through t(). */
export const untranslatedBaseline: readonly string[] = [
  "desktop/src/cli/cli.env.ts: an ISO 4217 code such as PKR or INR",
  "desktop/src/cli/cli.output.ts: Exit codes: 0 done 1 unexpected internal error (a bug: please report it with the message) 2 bad command or input (wrong option, quantity, price, CSV header …) 3 not found (unknown barcode, SKU, supplier, user) 4 conflict (duplicate SKU/barcode/user, store already initialised or enrolled) 5 not allowed in this state (archived product, unit change with history) 6 sign-in needed or not permitted (--user/--pin, BAZAAR_USER/BAZAAR_PIN) 7 hub unreachable or sync failed (everything stays queued locally) 8 audit chain broken (tampering or corruption detected) 9 import finished, but some rows were bad (the good rows were kept) 10 a large count or removal was not confirmed (nothing written; answer y, or pass --yes) Environment: BAZAAR_STORE_DB store database file (default ./bazaar-store.db); --db overrides BAZAAR_USER, BAZAAR_PIN sign in for this command (same as --user/--pin)",
  "desktop/src/cli/commands/movements.commands.ts: REORDER AT",
  "desktop/src/cli/commands/store.commands.ts: bazaar-store product import items.csv",
  "desktop/src/cli/commands/store.commands.ts: bazaar-store user add <username> --name NAME --role manager --new-pin 1234",
  "desktop/src/renderer/api/connect-api.ts: the counter service answered {} without a result",
  "desktop/src/renderer/api/connect-api.ts: the counter service on this computer is not answering; is `pnpm counter` still running?",
  "desktop/src/renderer/app/big-text-toggle.tsx: Ctrl+Shift+F",
  "hub/web/src/api/api-error.ts: Something went wrong",
  "hub/web/src/api/api-error.ts: The hub answered {} {}",
  "hub/web/src/api/api-error.ts: is not valid",
  "hub/web/src/api/client.ts: Bearer {}",
  "hub/web/src/api/client.ts: Cannot reach the hub. Check the connection and try again.",
  "hub/web/src/api/client.ts: The hub's answer to {} {} did not have the expected shape",
  "hub/web/src/api/client.ts: {} has no CSV export",
  "hub/web/src/app/router.ts: /sign-in?next={}",
  "hub/web/src/features/overview/overview.page.tsx: /stock?status=low",
  "hub/web/src/features/users/users.page.tsx: Role",
  "hub/web/src/features/views/schedule-form.tsx: https://"
];
