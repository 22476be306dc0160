import { app, session, type BrowserWindow } from 'electron';
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { StoreCore } from '../core/store-core';
import { installAppMenu } from './app-menu';
import { createAppWindow } from './app-window';
import { registerIpcHandlers } from './ipc-handlers';
import { loadMainConfig } from './main-config';
import { permissionHandlers, windowOpenPolicy } from './window-policy';

/*
 * The Electron main process stays thin: open the store core, expose it over IPC, show one
 * window. Everything that matters lives in src/core, which runs the same without Electron.
 */
const here = dirname(fileURLToPath(import.meta.url));
const paths = { preload: join(here, '..', 'preload', 'preload.cjs'), renderer: join(here, '..', 'renderer') };

if (!app.requestSingleInstanceLock()) app.quit();

let core: StoreCore | null = null;
let window: BrowserWindow | null = null;

async function start(): Promise<void> {
  const config = loadMainConfig(process.env, app.getPath('userData'));
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  core = await StoreCore.open(join(config.dataDir, 'store.db'));
  core.startSyncLoop({ intervalMs: config.syncIntervalMs });

  // The counter needs no camera, microphone, notifications or geolocation.
  session.defaultSession.setPermissionRequestHandler(permissionHandlers.request);
  session.defaultSession.setPermissionCheckHandler(permissionHandlers.check);

  installAppMenu(!app.isPackaged);
  registerIpcHandlers(core, (event) => window !== null && event.sender === window.webContents && event.senderFrame === window.webContents.mainFrame);
  window = createAppWindow({ preloadPath: paths.preload, rendererDir: paths.renderer, rendererUrl: config.rendererUrl });
  window.on('closed', () => {
    window = null;
  });
}

app.on('second-instance', () => {
  if (window?.isMinimized()) window.restore();
  window?.focus();
});

app.on('web-contents-created', (_e, contents) => {
  // Any other web contents (a frame, a devtools page): no windows, not even external ones.
  contents.setWindowOpenHandler(({ url }) => windowOpenPolicy(url).response);
});

app.on('window-all-closed', () => app.quit());

let closing = false;
app.on('before-quit', (event) => {
  if (closing || !core) return;
  // Let a running sync finish and SQLite checkpoint before the process goes away.
  event.preventDefault();
  closing = true;
  void core.close().finally(() => app.quit());
});

app
  .whenReady()
  .then(start)
  .catch((err: unknown) => {
    console.error('Bazaar Counter could not start:', err);
    app.exit(1);
  });
