// One lint config for the whole tree (`pnpm lint`). TypeScript is linted with type information from
// each package's own tsconfig (the nearest one, found by typescript-eslint's project service).
import js from '@eslint/js';
import nextPlugin from '@next/eslint-plugin-next';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import react from 'eslint-plugin-react';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig([
  globalIgnores([
    '**/.next/',
    '**/dist/',
    '**/build/',
    '**/.strapi/',
    '**/.tmp/',
    '**/.cache/',
    '**/coverage/',
    '**/test-results/',
    '**/playwright-report/',
    'apps/cms/types/generated/',
    'apps/cms/public/uploads/',
    'e2e/artifacts/',
    // Written by `next typegen` / `next build`.
    '**/next-env.d.ts',
  ]),

  {
    linterOptions: { reportUnusedDisableDirectives: 'error', reportUnusedInlineConfigs: 'error' },
  },

  js.configs.recommended,
  // strict over recommended: the house rules already promise no `any`, no silent fallbacks and
  // narrowed lookups; strict's extra rules (no-unnecessary-condition, no-non-null-assertion,
  // restrict-template-expressions on non-strings...) hold the code to that.
  tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test() and describe() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'it', 'describe', 'suite'] },
          ],
        },
      ],
      // A number in a message or a URL is what it looks like; objects, null and undefined are not.
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      // `const { key: _key, ...rest } = row` is how a key is left out.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
      // `() => assert.throws(...)` and `(x) => void f(x)`-style callbacks read fine as they are.
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },

  // Tests, e2e and the benchmark harness: a wrong `!` there throws and fails the run, which is what a
  // test should do. The product code proves its lookups instead.
  {
    files: ['apps/cms/tests/**', 'packages/*/tests/**', 'e2e/**', 'bench/**'],
    rules: { '@typescript-eslint/no-non-null-assertion': 'off' },
  },
  // This rule trusts that `array[i]` is never undefined unless the tsconfig says it may be
  // (noUncheckedIndexedAccess); e2e, bench and test-support do not, so there it would ask for
  // defensive checks to be removed.
  {
    files: ['e2e/**', 'bench/**', 'packages/test-support/**'],
    rules: { '@typescript-eslint/no-unnecessary-condition': 'off' },
  },

  // Plain JavaScript (the node:test reporter, e2e's prepare script, this file) has no types to check.
  {
    files: ['**/*.{js,mjs,cjs}'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },

  // The reader site: React 19 server components, a few client components, Next's rules, accessibility.
  {
    files: ['apps/web/**/*.{ts,tsx}'],
    extends: [
      react.configs.flat.recommended,
      react.configs.flat['jsx-runtime'],
      reactHooks.configs.flat['recommended-latest'],
      nextPlugin.configs['core-web-vitals'],
      jsxA11y.flatConfigs.strict,
    ],
    languageOptions: { globals: globals.browser },
    settings: {
      react: { version: '19.2' },
      next: { rootDir: 'apps/web/' },
    },
    rules: {
      // Props are typed by TypeScript.
      'react/prop-types': 'off',
    },
  },

  // The CMS admin's own panels: React 18 inside Strapi's admin app.
  {
    files: ['apps/cms/src/admin/**/*.{ts,tsx}'],
    extends: [
      react.configs.flat.recommended,
      react.configs.flat['jsx-runtime'],
      reactHooks.configs.flat['recommended-latest'],
      jsxA11y.flatConfigs.strict,
    ],
    languageOptions: { globals: globals.browser },
    settings: { react: { version: '18.3' } },
    rules: { 'react/prop-types': 'off' },
  },
]);
