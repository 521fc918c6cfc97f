// Lint for the whole repository, run by `npm test` (`npm run lint`). Type-aware, so that a promise
// nobody awaits is caught; formatting is Prettier's alone (eslint-config-prettier turns off the
// rules that would argue with it).
const { defineConfig } = require('eslint/config');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const importX = require('eslint-plugin-import-x');
const { createTypeScriptImportResolver } = require('eslint-import-resolver-typescript');
const prettier = require('eslint-config-prettier');
const reactHooks = require('eslint-plugin-react-hooks');

module.exports = defineConfig(
  { ignores: ['node_modules/', 'data/', 'coverage/', '**/generated.ts', 'gateway/web/generated/', 'gateway/web/dist/'] },
  js.configs.recommended,
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { module: 'writable', require: 'readonly', __dirname: 'readonly' },
    },
  },
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    extends: [tseslint.configs.recommended],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: __dirname } },
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver()],
      // without these the import rules never parse a .ts dependency, and see no cycle through it
      'import-x/extensions': ['.ts', '.tsx', '.mts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx', '.mts'] },
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      '@typescript-eslint/no-floating-promises': 'error',
      // the simulators stand in for the silos: the real code paths must never lean on them
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: ['./adapters', './domain', './gateway', './schema', './subgraphs', './platform/!(tools)/**'],
              from: './legacy',
              message: 'only the simulators, the tests and platform/tools/ may import legacy/',
            },
            // a subgraph reads and writes its own tables only: another's data comes through the graph (subgraphs/kit/graph-client.ts)
            ...[
              { owner: 'identity', domain: 'identity', stores: ['./domain/identity/store.ts', './domain/identity/index-cursors.ts'] },
              { owner: 'orders', domain: 'orders', stores: ['./domain/orders/saga/store.ts'] },
              { owner: 'insights', domain: 'journey', stores: ['./domain/journey/ropo/ledger.ts'] },
              { owner: 'offers', domain: 'pricing', stores: ['./domain/pricing/promotions/voucher-store.ts'] },
            ].map(({ owner, domain, stores }) => ({
              target: [`./subgraphs/!(${owner})/**`, `./subgraphs/*.ts`, `./domain/!(${domain})/**`, './platform/!(tools)/**', './gateway'],
              from: stores,
              message: `these tables are the ${owner} subgraph's: ask its API (subgraphs/kit/graph-client.ts), never its store`,
            })),
          ],
        },
      ],
      // the compiler's own rule, as tsconfig has it: a leading underscore marks a parameter a signature needs
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true }],
    },
  },
  {
    // the web pages (gateway/web): React's rules of hooks
    files: ['gateway/web/**/*.tsx', 'gateway/web/**/*.ts'],
    extends: [reactHooks.configs.flat.recommended],
  },
  {
    // Tests and benchmarks read the graph's and the simulators' JSON answers as they come and
    // assert on them: typing every answer would restate the schema without checking anything more.
    files: ['test/**/*.ts', 'platform/tools/bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  prettier,
);
