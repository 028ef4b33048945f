// House rules that check themselves: `npm run lint` (part of `npm test`).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import { PAGE_WORLD_FILES } from './eslint/page-world-files.js';
import pageWorld from './eslint/rules/page-world.js';

const TS = ['**/*.{ts,tsx}'];

export default tseslint.config(
  {
    // test/package/scratch is a user's project: it is type-checked where the package test installs it.
    ignores: [
      'dist/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'artifacts/',
      'schema/',
      'docs/',
      'test/package/scratch/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked.map((c) => ({ ...c, files: TS })),
  {
    files: TS,
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      // A `!` claims what the compiler could not check; a guard says what happens otherwise.
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'separate-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    // src/ holds the logic every world shares and calls no extension API: the entries in
    // extension/ hand it what it needs, so it runs in vitest and in a plain page as it is.
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/automation/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        { name: 'chrome', message: 'src/ calls no extension API: take it as a parameter from extension/.' },
        { name: 'browser', message: 'src/ calls no extension API: take it as a parameter from extension/.' },
      ],
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'webextension-polyfill', message: 'src/ calls no extension API.' }] },
      ],
    },
  },
  {
    // The page world captures built-ins unbound on purpose (primordials) and calls them with
    // Reflect.apply; components receive callbacks as props, never as class methods.
    files: ['src/page/**', 'src/primordials/**', 'src/panel/**', 'test/**'],
    rules: { '@typescript-eslint/unbound-method': 'off' },
  },
  {
    // Code that runs in the page reaches built-ins only through what it captured at start.
    files: PAGE_WORLD_FILES,
    plugins: { 'page-world': pageWorld },
    rules: { 'page-world/no-unsafe-builtins': 'error' },
  },
  {
    // Playwright fixtures call `use`, which is no React hook; tests may assert with `!` what
    // the previous expectation proved.
    files: ['test/**', 'scripts/**', 'src/automation/package/playwright.ts'],
    rules: { 'react-hooks/rules-of-hooks': 'off' },
  },
  {
    // Playwright fixtures must destructure their dependencies, even when there are none;
    // asymmetric matchers (expect.any, expect.stringMatching) are typed `any` by design; fakes
    // implement async interfaces without awaiting anything.
    files: ['test/**'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-empty-pattern': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/require-await': 'off',
    },
  },
  {
    files: ['**/*.js'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  prettier,
);
