import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The hub serves dist/ at `/`; in dev, Vite proxies the API to a locally running hub.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    rollupOptions: {
      // Vendor code changes less often than ours: separate hashed files stay cached across deploys.
      output: {
        manualChunks(id) {
          if (/node_modules\/.*(recharts|victory-vendor|d3-|decimal\.js|redux|immer|reselect)/.test(id)) return 'charts';
          if (id.includes('node_modules')) return 'vendor';
          return undefined;
        },
      },
      onwarn(warning, warn) {
        // zod ships comments Rollup cannot place; harmless and not ours to fix.
        if (warning.code === 'INVALID_ANNOTATION' && warning.id?.includes('node_modules')) return;
        warn(warning);
      },
    },
  },
  server: {
    port: 8815,
    proxy: { '/api': process.env.HUB_URL ?? 'http://127.0.0.1:8810' },
  },
});
