import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { scanTree } from './untranslated.scan';
import { findingKey, repoRoot, uiRoots } from './untranslated.roots';

// Run by hand (`pnpm --filter @bazaar/desktop exec tsx src/i18n-check/baseline.write.ts`) after
// moving strings into the catalogs: the list only ever shrinks.
const keys = [...new Set(scanTree(repoRoot, uiRoots).map(findingKey))].sort();
const body = `/** Text not yet in the catalogs, as found by untranslated.scan.ts. Shrinks only: new text goes through t(). */\nexport const untranslatedBaseline: readonly string[] = ${JSON.stringify(keys, null, 2)};\n`;
writeFileSync(fileURLToPath(new URL('./untranslated.baseline.ts', import.meta.url)), body);
process.stdout.write(`${keys.length} entries\n`);
