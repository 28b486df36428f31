// ESLint: the layer boundaries of docs/architecture.md, and the rules the code's disable comments name.
// Formatting is not ESLint's job here; typescript-eslint only parses (no type-aware rules, to stay fast).
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import jsxA11y from 'eslint-plugin-jsx-a11y';

// The node: prefixed forms are caught by the 'node:*' pattern below.
const nodeBuiltins = builtinModules;

/** Packages that do I/O or need Node: they belong to the backend, never to shared or the renderer. */
const backendOnly = ['electron', 'better-sqlite3', 'kysely', 'exceljs', 'pdfkit', 'esbuild'];

const restrict = (message, names, patterns = []) => ({
  'no-restricted-imports': ['error', { paths: names.map((name) => ({ name, message })), patterns: patterns.map((group) => ({ group: [group], message })) }],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', '.ci/tools/**', 'bench/results/**', 'coverage/**'] },
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    languageOptions: { parser: tseslint.parser, ecmaVersion: 'latest', sourceType: 'module', parserOptions: { ecmaFeatures: { jsx: true } } },
    plugins: { '@typescript-eslint': tseslint.plugin, 'react-hooks': reactHooks, 'jsx-a11y': jsxA11y },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      'no-control-regex': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    // Tests read JSON output loosely on purpose; the product code may not.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...jsxA11y.flatConfigs.recommended.rules,
      ...restrict(
        'De renderer gebruikt alleen shared/ en zijn eigen pakketten: geen Node, geen Electron, geen database (docs/architecture.md).',
        [...nodeBuiltins, ...backendOnly],
        ['**/electron/**', 'node:*'],
      ),
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: restrict(
      'shared/ is puur: geen Node-modules, geen I/O, geen Electron, niets uit electron/ of renderer/ (docs/architecture.md).',
      [...nodeBuiltins, ...backendOnly, 'react', 'react-dom'],
      ['**/electron/**', '**/renderer/**', 'node:*'],
    ),
  },
  {
    files: ['electron/backend/**/*.ts', 'electron/cli/**/*.ts', 'electron/preview/**/*.ts'],
    rules: restrict(
      'De backend, de opdrachtregel en de preview draaien zonder Electron: alleen electron/main en electron/preload mogen electron laden (docs/architecture.md).',
      ['electron'],
      ['**/renderer/**'],
    ),
  },
);
