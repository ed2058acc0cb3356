import path from 'node:path';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * One renderer bundle for Electron (app:// protocol) and the web mode: relative asset paths
 * (base './') and no inline scripts, because both serve it under script-src 'self'.
 */
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  // The renderer imports src/ as @core/, @api/, @features/, @jobs/: the paths in tsconfig.json.
  resolve: { tsconfigPaths: true },
  build: {
    outDir: path.resolve(import.meta.dirname, 'renderer/dist'),
    emptyOutDir: true,
    // The polyfill would be injected as script code; every browser we ship to has modulepreload.
    modulePreload: { polyfill: false },
    // Fonts and images as files, not data: URLs, so the bundle stays cacheable and CSP stays simple.
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 2000,
  },
});
