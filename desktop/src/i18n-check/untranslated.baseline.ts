/** Text not yet in the catalogs, as found by untranslated.scan.ts. Shrinks only: new text goes through t(). */
export const untranslatedBaseline: readonly string[] = [
  "desktop/src/cli/commands/store.commands.ts: bazaar-store product import items.csv",
  "desktop/src/cli/commands/store.commands.ts: bazaar-store user add <username> --name NAME --role manager --new-pin 1234",
  "desktop/src/renderer/app/big-text-toggle.tsx: Ctrl+Shift+F",
  "hub/web/src/api/client.ts: Bearer {}",
  "hub/web/src/features/views/schedule-form.tsx: https://"
];
