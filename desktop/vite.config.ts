import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

/**
 * The renderer: one build serves both Electron (loaded from file://, hence base './') and
 * browser mode (served by the local bridge). The CSP lives in index.html so it also holds
 * under file://, where no response headers exist.
 */
export const productionCsp = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

// Vite's dev server injects an inline React-refresh preamble and talks HMR over a websocket.
export const devCsp = [
  "default-src 'none'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' ws: http://127.0.0.1:*",
  "base-uri 'none'",
  "object-src 'none'",
].join('; ');

export function contentSecurityPolicy(): Plugin {
  let csp = productionCsp;
  return {
    name: 'bazaar-csp',
    configResolved(config) {
      csp = config.command === 'serve' ? devCsp : productionCsp;
    },
    transformIndexHtml(html) {
      return html.replace('%BAZAAR_CSP%', csp);
    },
  };
}

export default defineConfig({
  // Absolute, so builds started from any directory (tests, `pnpm counter`) find the page.
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    // Inline nothing: the CSP forbids data: scripts and styles.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1000,
    rollupOptions: {
      onwarn(warning, warn) {
        // zod's sources carry /*@__PURE__*/ comments Rollup cannot place; harmless noise.
        if (warning.message.includes('contains an annotation that Rollup cannot interpret')) return;
        warn(warning);
      },
    },
  },
  server: { port: 8822, strictPort: true, host: '127.0.0.1' },
});
