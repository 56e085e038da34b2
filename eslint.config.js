import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

// Layer rules of ../shared/DESIGN.md, enforced here rather than remembered:
// core imports only core; sim imports core (never UI, DOM or worker code); ui never
// reaches into protocol logic except through types and the worker client.
const uiLibs = ['react', 'react-dom', 'react-dom/*', 'zustand', 'zustand/*', 'd3', 'd3-*', 'comlink'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiLibs.filter((p) => !p.includes('*')),
        patterns: [
          { group: ['**/sim/**', '../sim', '../../sim', '**/ui/**', '**/worker/**', '**/store/**', '**/cli/**'], message: 'src/core imports only src/core.' },
          { group: uiLibs.filter((p) => p.includes('*')), message: 'no UI libraries in src/core.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'performance', 'Date'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use the simulator\'s seeded streams' }],
    },
  },
  {
    files: ['src/sim/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: uiLibs.filter((p) => !p.includes('*')),
        patterns: [
          { group: ['**/ui/**', '**/worker/**', '**/store/**', '**/cli/**'], message: 'src/sim imports only src/core and src/sim.' },
          { group: uiLibs.filter((p) => p.includes('*')), message: 'no UI libraries in src/sim.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'setTimeout', 'setInterval', 'performance', 'Date'],
      'no-restricted-properties': ['error', { object: 'Math', property: 'random', message: 'use the simulator\'s seeded streams' }],
    },
  },
  {
    files: ['src/ui/**/*.{ts,tsx}', 'src/store/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['**/core/raft/node', '**/core/raft/protocol', '**/sim/simulation', '**/sim/session', '**/sim/history'], message: 'the UI renders what the worker sends; import types only.', allowTypeImports: true },
        ],
      }],
    },
  },
);
