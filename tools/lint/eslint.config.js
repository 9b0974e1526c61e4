// `npm run lint`: ESLint's and typescript-eslint's recommended rules, the two classic React hooks
// rules (preact/hooks follow the same contract), and the layering of src/ as import boundaries.
// It lives in this workspace, not the root, because typescript-eslint parses with TypeScript's JS
// API (6.0 at most), while the app typechecks with TypeScript 7 (see package.json here).
//
// Layers (an arrow reads "may import"; every layer may import src/shared and npm packages):
//   shared  → nothing of app, server or sw          server → shared           sw → shared
//   app/db  → shared                                app/sync → db
//   app/photos (service layer) → db, sync, ui, shell
//   app/ui  → db, sync, shell                       app/<shell files> → anything in app
//   features/<name> → db, sync, photos, ui, shell, its own files, another feature's index.ts
// The network door (sync/request.ts) is held by no-restricted-globals: only src/app/sync may call fetch.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

const layer = (type) => ({ element: { type } });
const mayImport = (from, to) => ({ from: layer(from), allow: { to: to.map(layer) } });

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '**/node_modules/**', 'test-results/**', 'data/**', 'public/**', '**/*.d.ts'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2024, sourceType: 'module' },
    rules: {
      // `_`-prefixed names are kept on purpose (a callback's unused position, a destructured rest).
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none', ignoreRestSiblings: true }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // One network door: the endpoint is reached through sync/request.ts, tiles through sync/warmTiles.ts.
    files: ['src/app/**/*.{ts,tsx}'],
    ignores: ['src/app/sync/**'],
    rules: {
      'no-restricted-globals': ['error', { name: 'fetch', message: 'Reach the network through src/app/sync (request() for the endpoint).' }],
      'no-restricted-properties': ['error', { object: 'window', property: 'fetch', message: 'Reach the network through src/app/sync.' }, { object: 'globalThis', property: 'fetch', message: 'Reach the network through src/app/sync.' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx,mjs,js}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } },
      'boundaries/elements': [
        { type: 'shared', pattern: 'src/shared/**', partialMatch: false },
        { type: 'server', pattern: 'src/server/**', partialMatch: false },
        { type: 'sw', pattern: 'src/sw/**', partialMatch: false },
        { type: 'db', pattern: 'src/app/db/**', partialMatch: false },
        { type: 'sync', pattern: 'src/app/sync/**', partialMatch: false },
        { type: 'ui', pattern: 'src/app/ui/**', partialMatch: false },
        { type: 'photos', pattern: ['src/app/photos/**'], partialMatch: false },
        { type: 'feature', pattern: 'src/app/features/*', capture: ['feature'] },
        { type: 'shell', pattern: 'src/app/*.{ts,tsx}', partialMatch: false },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            { allow: { to: { module: { origin: ['external', 'core'] } } } },
            mayImport('shared', ['shared']),
            mayImport('server', ['server', 'shared']),
            mayImport('sw', ['sw', 'shared']),
            mayImport('db', ['db', 'shared']),
            mayImport('sync', ['sync', 'db', 'shared']),
            mayImport('photos', ['photos', 'sync', 'db', 'ui', 'shell', 'shared']),
            mayImport('ui', ['ui', 'sync', 'db', 'shell', 'shared']),
            mayImport('shell', ['shell', 'feature', 'photos', 'ui', 'sync', 'db', 'shared']),
            mayImport('feature', ['photos', 'ui', 'sync', 'db', 'shell', 'shared']),
            // Within a feature, anything; another feature only through its index.ts (features/README.md).
            { from: layer('feature'), allow: { dependency: { relationship: { to: 'internal' } } } },
            { from: layer('feature'), allow: { to: { element: { type: 'feature', fileInternalPath: 'index.ts' } } } },
          ],
        },
      ],
    },
  },
  {
    // The store is asynchronous (SQLite and PostgreSQL behind one interface): a call whose promise
    // nobody awaits would let a write escape its transaction, or answer before the commit.
    files: ['src/server/**/*.ts', 'tests/server/**/*.ts', 'tests/security/**/*.ts', 'tests/faults/**/*.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname + '/../..' } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/await-thenable': 'error',
    },
  },
  {
    files: ['src/server/**', 'tests/**', 'tools/**', '*.config.*', 'src/server/bin/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly' } },
  },
);
