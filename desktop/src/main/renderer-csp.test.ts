import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, devCsp, productionCsp } from '../../vite.config';

/**
 * The counter page's CSP as the build writes it into index.html (a meta tag, because a page
 * loaded from file:// in Electron has no response headers): no inline or eval'd script, no
 * plugins, nothing from outside the app, and the dev server's looser policy only when serving.
 */
const indexHtml = readFileSync(fileURLToPath(new URL('../renderer/index.html', import.meta.url)), 'utf8');

function built(command: 'build' | 'serve'): string {
  const plugin = contentSecurityPolicy();
  (plugin.configResolved as (c: { command: string }) => void)({ command });
  return (plugin.transformIndexHtml as (html: string) => string)(indexHtml);
}

function directives(html: string): Map<string, string[]> {
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html);
  if (!meta) throw new Error('no CSP meta tag');
  return new Map(
    meta[1]!.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('renderer Content-Security-Policy', () => {
  it('the packaged page allows only its own files: no inline or eval script, no objects, no other origins', () => {
    const html = built('build');
    expect(html).not.toContain('%BAZAAR_CSP%');
    const d = directives(html);
    expect(d.get('default-src')).toEqual(["'none'"]);
    expect(d.get('script-src')).toEqual(["'self'"]);
    expect(d.get('style-src')).toEqual(["'self'"]);
    expect(d.get('connect-src')).toEqual(["'self'"]);
    expect(d.get('object-src')).toEqual(["'none'"]);
    expect(d.get('base-uri')).toEqual(["'none'"]);
    expect(d.get('form-action')).toEqual(["'none'"]);
    for (const values of d.values()) {
      expect(values.filter((v) => /unsafe|\*|https?:|ws:/.test(v))).toEqual([]);
    }
    // The page's only script is the bundled module (no inline script the CSP would have to allow).
    expect(indexHtml.match(/<script\b[^>]*>/g)).toEqual(['<script type="module" src="./main.tsx">']);
  });

  it('the looser dev policy (inline refresh preamble, HMR socket) is used only by the dev server', () => {
    expect(directives(built('serve'))).toEqual(directives(`<meta http-equiv="Content-Security-Policy" content="${devCsp}"`));
    expect(directives(built('build'))).toEqual(directives(`<meta http-equiv="Content-Security-Policy" content="${productionCsp}"`));
    expect(devCsp).toContain("'unsafe-inline'");
    expect(productionCsp).not.toContain('unsafe');
  });
});
