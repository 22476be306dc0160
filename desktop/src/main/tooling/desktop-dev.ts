import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { createServer } from 'vite';
import { buildElectron, desktopDir } from './build-electron';

/**
 * `pnpm desktop`: the Electron app in development — main and preload bundled, the renderer
 * from Vite's dev server (hot reload), the store in ./data/desktop unless BAZAAR_DATA_DIR says otherwise.
 */
function electronBinary(): string {
  try {
    // The `electron` package exports the path of its downloaded binary, and throws if the download never happened.
    return createRequire(import.meta.url)('electron') as string;
  } catch {
    console.error(
      [
        'pnpm desktop: the Electron binary is not installed on this machine.',
        '',
        '  Electron downloads its binary when it is installed; that download was blocked or skipped here.',
        '  • To run the same counter app without Electron:  pnpm counter   (opens in your browser)',
        '  • To fetch the binary where the network allows:  pnpm --filter @bazaar/desktop exec node node_modules/electron/install.js',
        '    (or set ELECTRON_MIRROR to a reachable mirror first), then run pnpm desktop again.',
      ].join('\n'),
    );
    process.exit(1);
  }
}

async function main(): Promise<void> {
  const electron = electronBinary();
  await buildElectron({ renderer: false });
  const vite = await createServer({ configFile: join(desktopDir, 'vite.config.ts') });
  await vite.listen();
  const url = vite.resolvedUrls?.local[0] ?? 'http://127.0.0.1:8822/';
  const base = process.env.INIT_CWD ?? process.cwd();
  const child = spawn(electron, [join(desktopDir, 'dist', 'main', 'main.js')], {
    stdio: 'inherit',
    env: { ...process.env, ELECTRON_RENDERER_URL: url, BAZAAR_DATA_DIR: process.env.BAZAAR_DATA_DIR ?? join(base, 'data', 'desktop') },
  });
  child.on('exit', (code) => {
    void vite.close().finally(() => process.exit(code ?? 0));
  });
}

main().catch((err: unknown) => {
  console.error(`pnpm desktop: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
