import { describe, expect, it } from 'vitest';
import { appWindowOptions, navigationAllowed, permissionHandlers, windowOpenPolicy } from './window-policy';

/** The options createAppWindow passes to BrowserWindow and the handlers it and main.ts install. */
describe('counter window policy (what app-window.ts and main.ts wire into Electron)', () => {
  it('isolates the page: contextIsolation, sandbox, no Node anywhere, web security on, no webview', () => {
    const prefs = appWindowOptions('/app/preload/preload.cjs').webPreferences!;
    expect(prefs).toMatchObject({
      preload: '/app/preload/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    // Nothing that loosens it is set at all.
    for (const k of ['experimentalFeatures', 'enableBlinkFeatures', 'additionalArguments', 'disableBlinkFeatures']) expect(prefs).not.toHaveProperty(k);
  });

  it('denies every window.open; only https links go to the system browser', () => {
    expect(windowOpenPolicy('https://hub.example/reports')).toEqual({ response: { action: 'deny' }, openExternally: 'https://hub.example/reports' });
    for (const url of ['http://hub.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'about:blank', 'not a url', 'smb://share/x']) {
      expect(windowOpenPolicy(url)).toEqual({ response: { action: 'deny' }, openExternally: null });
    }
  });

  it('never navigates away from the loaded page', () => {
    const here = 'file:///opt/bazaar/resources/app/renderer/index.html';
    expect(navigationAllowed(here, here)).toBe(true);
    expect(navigationAllowed('https://evil.example/', here)).toBe(false);
    expect(navigationAllowed('file:///opt/bazaar/resources/app/renderer/other.html', here)).toBe(false);
    expect(navigationAllowed(`${here}#x`, here)).toBe(false);
  });

  it('refuses every permission request and check', () => {
    const answers: boolean[] = [];
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      permissionHandlers.request(null, p, (granted) => answers.push(granted));
      expect(permissionHandlers.check(null, p, 'file://')).toBe(false);
    }
    expect(answers).toEqual([false, false, false, false, false, false]);
  });
});
