import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig } from 'vite';

/**
 * Bundles the three Electron parts into desktop/dist: main (ESM, Node), preload (CommonJS:
 * a sandboxed preload cannot load ES modules) and the renderer. Internal packages are TS
 * source, so they are bundled in; only Electron and the native better-sqlite3 stay outside.
 */
export const desktopDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

function nodeBundle(entry: string, outDir: string, format: 'es' | 'cjs', fileName: string, external: (string | RegExp)[]): InlineConfig {
  return {
    configFile: false,
    root: desktopDir,
    logLevel: 'warn',
    ssr: { noExternal: true, external: external.filter((e): e is string => typeof e === 'string') },
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node22',
      sourcemap: true,
      minify: false,
      rollupOptions: {
        external,
        output: { format, entryFileNames: fileName },
        onwarn(warning, warn) {
          if (warning.message.includes('contains an annotation that Rollup cannot interpret')) return;
          warn(warning);
        },
      },
    },
  };
}

export async function buildElectron(opts: { renderer: boolean }): Promise<void> {
  await build(nodeBundle('src/main/main.ts', 'dist/main', 'es', 'main.js', ['electron', 'better-sqlite3', /^node:/]));
  await build(nodeBundle('src/preload/preload.ts', 'dist/preload', 'cjs', 'preload.cjs', ['electron']));
  if (opts.renderer) await build({ configFile: join(desktopDir, 'vite.config.ts'), logLevel: 'warn' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildElectron({ renderer: true }).then(
    () => console.log('Built desktop/dist/{main,preload,renderer}'),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
