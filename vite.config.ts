// Builds the renderer (dist/renderer). The Electron bundles: vite.electron.config.ts.
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  resolve: {
    alias: {
      '@contract': path.resolve(import.meta.dirname, 'electron/api'),
      '@': path.resolve(import.meta.dirname, 'renderer/src'),
    },
  },
  build: { outDir: path.resolve(import.meta.dirname, 'dist/renderer'), emptyOutDir: true, sourcemap: true, target: 'chrome130' },
});
