import type { BrowserWindowConstructorOptions, PermissionCheckHandlerHandlerDetails, WebContents } from 'electron';

/*
 * The counter window's security decisions as plain functions (no Electron at run time), so
 * they are tested without launching Electron; app-window.ts and main.ts only wire them in.
 */

/** Sandboxed renderer, context isolation, no Node in the page or its workers. */
export function appWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    backgroundColor: '#f5f3ee',
    title: 'Bazaar Counter',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

/**
 * window.open and target=_blank: never a new app window. An https link (e.g. the hub's web
 * reports) goes to the user's browser; anything else (file:, javascript:, http:) goes nowhere.
 */
export function windowOpenPolicy(url: string): { response: { action: 'deny' }; openExternally: string | null } {
  let external: string | null = null;
  try {
    if (new URL(url).protocol === 'https:') external = url;
  } catch {
    external = null;
  }
  return { response: { action: 'deny' }, openExternally: external };
}

/** The window never navigates away from the page it loaded (a reload of the same URL is fine). */
export function navigationAllowed(target: string, current: string): boolean {
  return target === current;
}

/** The counter needs no camera, microphone, notifications, geolocation or anything else. */
export const permissionHandlers = {
  request: (_wc: WebContents | null, _permission: string, callback: (granted: boolean) => void): void => callback(false),
  check: (_wc: WebContents | null, _permission: string, _origin: string, _details?: PermissionCheckHandlerHandlerDetails): boolean => false,
};
