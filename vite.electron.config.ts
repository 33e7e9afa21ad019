// Builds the Node-side bundles into dist-electron/:
//   main.js (Electron main, ESM), serve.js (browser shell), cli.js (magna-console)
//   embedded-worker.js, glove-worker.js: the worker threads (PGlite, the offline embeddings),
//   started from dist-electron/ by electron/db/worker-thread.ts — so every chunk stays beside them
//   preload.cjs: ONE self-contained CommonJS file (a sandboxed preload cannot load chunks)
// `vite build -c vite.electron.config.ts` builds the ESM bundles, then the preload.
import { builtinModules } from 'node:module';
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { build, defineConfig, type Plugin } from 'vite';
import { CHANNELS } from './electron/api/channels';

const root = import.meta.dirname;
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies?: Record<string, string> };
const deps = Object.keys(pkg.dependencies ?? {});
const node = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const isExternal = (id: string) => id === 'electron' || node.includes(id) || deps.some((d) => id === d || id.startsWith(`${d}/`));

/** After the ESM bundles, build the preload as a single CJS file. */
const preload = (): Plugin => ({
  name: 'magna-preload',
  apply: 'build',
  async closeBundle() {
    await build({
      configFile: false,
      logLevel: 'warn',
      // The preload's one function per channel, from the operation registry (no schemas bundled).
      define: { __MAGNA_CHANNELS__: JSON.stringify(CHANNELS) },
      build: {
        outDir: path.join(root, 'dist-electron'),
        emptyOutDir: false,
        minify: false,
        lib: { entry: path.join(root, 'electron/preload.ts'), formats: ['cjs'], fileName: () => 'preload.cjs' },
        rollupOptions: { external: ['electron'] },
      },
    });
  },
});

export default defineConfig({
  plugins: [preload()],
  build: {
    outDir: path.join(root, 'dist-electron'),
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: true,
    ssr: true,
    lib: {
      entry: {
        main: path.join(root, 'electron/main.ts'),
        serve: path.join(root, 'electron/shells/serve-main.ts'),
        cli: path.join(root, 'electron/cli/magna-console.ts'),
        'embedded-worker': path.join(root, 'electron/db/embedded-worker.ts'),
        'glove-worker': path.join(root, 'electron/services/embeddings/glove-worker.ts'),
      },
      formats: ['es'],
    },
    rollupOptions: { external: isExternal },
  },
});
