import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';

/**
 * The counter window: sandboxed renderer, context isolation, no Node, no new windows, no
 * navigation away from the app. The CSP is in the page itself (it must hold under file://).
 */
export function createAppWindow(opts: { preloadPath: string; rendererDir: string; rendererUrl: string | null }): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f3ee',
    title: 'Bazaar Counter',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: false,
    },
  });

  win.webContents.setWindowOpenHandler(({ url }) => {
    // Links to the outside (e.g. the hub's web reports) open in the user's browser, never in an app window.
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (url !== win.webContents.getURL()) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());

  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl);
  else void win.loadFile(join(opts.rendererDir, 'index.html'));
  return win;
}
