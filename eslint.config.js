// Lint, including the layer boundaries of ARCHITECTURE.md: the renderer and browser-safe
// shared/ code cannot reach Node or Electron, and only electron/main and electron/preload may
// import 'electron'.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['node:*', 'fs', 'fs/*', 'path', 'os', 'child_process', 'crypto', 'http', 'https', 'net', 'url', 'util', 'worker_threads', 'stream', 'zlib', 'events', 'buffer', 'process'];
const nodeOnlyPackages = ['better-sqlite3', 'highs', 'tsx', 'tsx/*', 'playwright-core'];

const noNode = {
  group: [...nodeBuiltins, ...nodeOnlyPackages, 'electron', 'electron/*'],
  message: 'Browser-side code cannot import Node, Electron or Node-only packages: go through the contract.',
};

export default tseslint.config(
  { ignores: ['build/**', 'dist/**', 'release/**', 'node_modules/**', 'test-artifacts/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs,cjs,cts}'],
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: [noNode, { group: ['**/electron/**'], message: 'The renderer talks to the core only through the contract client.' }] }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [noNode, { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ depends on nothing above it.' }] }],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/server/**/*.ts', 'electron/cli/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['electron', 'electron/*'], message: 'Only electron/main and electron/preload may import electron: the core also runs in `teia serve` and the CLI.' }, { group: ['**/renderer/**'], message: 'The core cannot import the renderer.' }] }],
    },
  },
);
