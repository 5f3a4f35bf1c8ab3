// ESLint flat config. Non-type-checked typescript-eslint rules: fast enough to run on every `npm test`.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// The engine and the simulation must be pure so they run the same in Node, a Worker and tests.
const PURE = 'src/engine and src/sim must be pure: time and randomness come in as arguments (no UI, no browser, no clock, no Math.random).';

// `.only` hides other tests and `.skip` hides failures: both make a green run dishonest.
const TEST_MODIFIERS = ['test', 'it', 'describe'].flatMap((object) =>
  ['only', 'skip'].map((property) => ({ object, property, message: `No ${object}.${property} in committed tests.` })),
);
const NO_TEST_DESCRIBE_MODIFIERS = {
  // Playwright's test.describe.only/skip: no-restricted-properties only sees a plain object name.
  selector: "MemberExpression[property.name=/^(only|skip)$/][object.type='MemberExpression'][object.object.name='test'][object.property.name='describe']",
  message: 'No test.describe.only / test.describe.skip in committed tests.',
};
const NO_INNER_HTML = {
  selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
  message: 'No dangerouslySetInnerHTML: render text through React so user input cannot inject markup.',
};

export default defineConfig(
  globalIgnores(['dist/', 'dist-cli/', 'reports/', 'test-results/', 'playwright-report/', 'node_modules/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    rules: {
      'no-restricted-syntax': ['error', NO_INNER_HTML],
      'no-restricted-properties': ['error', ...TEST_MODIFIERS],
    },
  },
  {
    // Hooks also live in .ts files (custom hooks), so check both.
    files: ['src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
  },
  {
    // Playwright specs run in Node but page.evaluate callbacks run in the page.
    files: ['e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-syntax': ['error', NO_TEST_DESCRIBE_MODIFIERS],
      'no-restricted-properties': ['error', ...TEST_MODIFIERS],
    },
  },
  {
    files: ['scripts/**/*.{mjs,mts}', '*.config.{js,mjs,ts}', '.ci/**/*.mjs'],
    languageOptions: { globals: globals.node },
  },
  {
    // Purity. Rule options replace (not merge with) the src block's, so repeat those here.
    files: ['src/engine/**/*.ts', 'src/sim/**/*.ts'],
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['react', 'react-dom', 'zustand', 'recharts'].map((name) => ({ name, message: PURE })),
          patterns: [
            { group: ['react/*', 'react-dom/*', 'zustand/*', 'recharts/*'], message: PURE },
            // Relative paths up into UI/state folders, e.g. '../state/store' or '../../components/X'.
            { regex: '^(\\.\\./)+(state|components|app|render|workers)(/|$)', message: PURE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'localStorage',
          'sessionStorage',
          'navigator',
          'requestAnimationFrame',
          'setTimeout',
          'setInterval',
          'performance',
        ].map((name) => ({ name, message: PURE })),
      ],
      'no-restricted-properties': [
        'error',
        ...TEST_MODIFIERS,
        { object: 'Math', property: 'random', message: PURE },
        { object: 'Date', property: 'now', message: PURE },
      ],
      'no-restricted-syntax': [
        'error',
        NO_INNER_HTML,
        // `new Date()` with no argument reads the clock just like Date.now().
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: PURE },
      ],
    },
  },
);
