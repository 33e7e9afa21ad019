// Lint: typescript-eslint, react-hooks, and the layer boundaries of ARCHITECTURE.md enforced
// by resolved import paths (not by discipline):
//   - the renderer imports only the contract (electron/api) from the main process;
//   - features never import each other (compose them in renderer/src/app);
//   - services never import shells; gateways import neither; main never imports the renderer;
//   - the operation descriptors import services as types only (the renderer imports them);
//   - ipcMain / ipcRenderer only in their one file each.
// Formatting is Prettier's (eslint-config-prettier turns off the rules it owns).
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import comments from '@eslint-community/eslint-plugin-eslint-comments/configs';
import prettier from 'eslint-config-prettier';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync('renderer/src/features', { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name);

export default tseslint.config(
  { ignores: ['dist/**', 'dist-electron/**', 'release/**', '.cache/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  comments.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [
        createTypeScriptImportResolver({ project: ['tsconfig.node.json', 'tsconfig.web.json', 'tsconfig.e2e.json'], noWarnOnMultipleProjects: true }),
      ],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@eslint-community/eslint-comments/require-description': ['error', { ignore: [] }],
      '@eslint-community/eslint-comments/disable-enable-pair': ['error', { allowWholeFile: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-explicit-any': 'error',
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './renderer',
              from: './electron',
              except: ['./api'],
              message: 'The renderer imports only the contract (@contract/…) from the main process.',
            },
            ...features.map((f) => ({
              target: `./renderer/src/features/${f}`,
              from: './renderer/src/features',
              except: [`./${f}`],
              message:
                'Features do not import each other: move the shared piece to renderer/src/components, lib or hooks, or compose in renderer/src/app.',
            })),
            { target: './renderer/src/components', from: './renderer/src/features', message: 'Shared components do not depend on a feature.' },
            { target: './electron/services', from: './electron/shells', message: 'Services never import shells.' },
            {
              target: './electron/db',
              from: ['./electron/services', './electron/shells', './electron/operations'],
              message: 'Gateways import neither services nor shells.',
            },
            { target: './electron', from: './renderer', message: 'The main process never imports the renderer.' },
          ],
        },
      ],
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'electron',
              importNames: ['ipcMain', 'ipcRenderer'],
              message: 'ipcMain/ipcRenderer only in electron/shells/electron/register-ipc.ts and electron/preload.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shells/electron/register-ipc.ts', 'electron/preload.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    // The descriptors are imported by the renderer (through the contract): services as types only.
    files: ['electron/operations/*.ts'],
    ignores: ['electron/operations/run-operation.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/services/**', '**/shells/**', '**/db/**', 'node:*'],
              allowTypeImports: true,
              message: 'Operation descriptors import main-process code as types only.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'electron'], message: 'The renderer never imports Node or Electron.' },
            { group: ['**/electron/api/*'], message: 'Import the contract through the @contract/… alias.' },
          ],
        },
      ],
    },
  },
  prettier,
);
