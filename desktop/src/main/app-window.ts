import { BrowserWindow, shell } from 'electron';
import { join } from 'node:path';
import { appWindowOptions, navigationAllowed, windowOpenPolicy } from './window-policy';

/**
 * The counter window: sandboxed renderer, context isolation, no Node, no new windows, no
 * navigation away from the app (the decisions are in window-policy.ts, tested without
 * Electron). The CSP is in the page itself (it must hold under file://).
 */
export function createAppWindow(opts: { preloadPath: string; rendererDir: string; rendererUrl: string | null }): BrowserWindow {
  const win = new BrowserWindow(appWindowOptions(opts.preloadPath));

  win.webContents.setWindowOpenHandler(({ url }) => {
    const { response, openExternally } = windowOpenPolicy(url);
    if (openExternally) void shell.openExternal(openExternally);
    return response;
  });
  win.webContents.on('will-navigate', (event, url) => {
    if (!navigationAllowed(url, win.webContents.getURL())) event.preventDefault();
  });
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.once('ready-to-show', () => win.show());

  if (opts.rendererUrl) void win.loadURL(opts.rendererUrl);
  else void win.loadFile(join(opts.rendererDir, 'index.html'));
  return win;
}
