import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/*
 * `tsx scripts/node-bundle.ts hub|desktop`: the production JavaScript of the hub and of the
 * desktop core's two Node entry points (the store CLI and the `pnpm counter` bridge).
 *
 * The workspace packages are TypeScript source, so @bazaar/shared (and what only it uses) is
 * bundled in; every dependency the package itself declares stays an ordinary import from its
 * node_modules (native better-sqlite3, PGlite's wasm files, BullMQ's Lua scripts and pino load
 * files next to their own code and must not be bundled). One ESM file per entry, shared code
 * split into chunks, source maps beside them.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Target {
  dir: string;
  outdir: string;
  entryPoints: Record<string, string>;
}

const TARGETS: Record<string, Target> = {
  hub: { dir: 'hub', outdir: 'dist', entryPoints: { main: 'src/main.ts', 'migrate.cli': 'src/db/migrate.cli.ts' } },
  // dist/node/counter.js finds desktop/ two levels up, as src/bridge/counter.main.ts does.
  desktop: { dir: 'desktop', outdir: 'dist/node', entryPoints: { 'bazaar-store': 'src/cli/main.ts', counter: 'src/bridge/counter.main.ts' } },
};

function declaredDependencies(pkgDir: string): string[] {
  const pkg = JSON.parse(readFileSync(path.join(pkgDir, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
  const all = { ...pkg.dependencies, ...pkg.devDependencies };
  return Object.keys(all).filter((name) => !all[name]?.startsWith('workspace:'));
}

async function bundle(name: string): Promise<void> {
  const target = TARGETS[name];
  if (!target) throw new Error(`unknown target "${name}": one of ${Object.keys(TARGETS).join(', ')}`);
  const pkgDir = path.join(root, target.dir);
  const outdir = path.join(pkgDir, target.outdir);
  rmSync(outdir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: pkgDir,
    entryPoints: target.entryPoints,
    outdir,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20.19',
    sourcemap: true,
    external: declaredDependencies(pkgDir),
    // Bundled CommonJS (from shared's dependencies) may call require().
    banner: { js: "import { createRequire as __bazaarCreateRequire } from 'node:module'; const require = __bazaarCreateRequire(import.meta.url);" },
    metafile: true,
    logLevel: 'warning',
  });
  const outputs = Object.keys(result.metafile.outputs).filter((f) => f.endsWith('.js'));
  console.log(`${target.dir}: ${outputs.length} files in ${path.relative(root, outdir)}/ (${Object.keys(target.entryPoints).map((e) => `${e}.js`).join(', ')})`);
}

const names = process.argv.slice(2).filter((a) => a !== '--');
if (!names.length) {
  console.error('usage: tsx scripts/node-bundle.ts hub|desktop …');
  process.exit(2);
}
for (const n of names) await bundle(n);
