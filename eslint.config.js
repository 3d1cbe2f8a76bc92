// ESLint flat config: typescript-eslint everywhere, the Office.js rules of eslint-plugin-office-addins,
// and the React hooks rules for the task pane. Formatting is prettier's job (`prettier --check` in `npm run lint`).
const js = require('@eslint/js');
const globals = require('globals');
const { defineConfig } = require('eslint/config');
const tseslint = require('typescript-eslint');
const officeAddins = require('eslint-plugin-office-addins');
const reactHooks = require('eslint-plugin-react-hooks');

/**
 * The plugin's `recommended` flat config also registers its own copy of @typescript-eslint, prettier and an
 * old ecmaVersion, which clash with ours; take only its own rules (office-addins/*) with their levels.
 */
function officeAddinsRecommendedRules() {
  const rules = {};
  for (const block of officeAddins.configs.recommended) {
    for (const [name, level] of Object.entries(block.rules ?? {})) {
      if (name.startsWith('office-addins/')) rules[name] = level;
    }
  }
  return rules;
}

module.exports = defineConfig(
  {
    ignores: ['dist/', 'node_modules/', '.cache/', '.scratch/', 'coverage/', 'test-output/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    plugins: { 'office-addins': officeAddins },
    rules: {
      ...officeAddinsRecommendedRules(),
      // docs/ARCHITECTURE.md, « Rules of the house »: the number of round trips of a use case must not grow with the data.
      'office-addins/no-context-sync-in-loop': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // French typography puts non-breaking spaces (U+00A0) in the words users read, in templates as in strings
      // (tests/messages/typography.cases.ts, tests/taskpane/texts-typography.test.ts); elsewhere they stay errors.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // Office.js comes as globals, which dependency-cruiser cannot see: keep them in src/excel (docs/ARCHITECTURE.md, « Dependency arrows »).
    files: ['src/**/*.{ts,tsx}'],
    ignores: ['src/excel/**'],
    rules: {
      'no-restricted-globals': [
        'error',
        ...['Office', 'Excel', 'OfficeExtension'].map((name) => ({
          name,
          message: 'Office.js is used only in src/excel; call a function of src/excel instead.',
        })),
      ],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: globals.browser },
  },
  {
    // The pane says the catalogue's messages its own way (src/taskpane/messages.ts): rendered elsewhere in the pane,
    // a message would give the command line's advice (docs/ARCHITECTURE.md, « Rules of the house »).
    files: ['src/taskpane/**/*.{ts,tsx}'],
    ignores: ['src/taskpane/messages.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/app', '**/app/index', '**/domain/messages', '**/domain/messages/*', '**/domain/issues'],
              importNames: ['renderMessage', 'renderIssueMessage', 'renderIssueMessageFor'],
              message: 'The pane renders messages with issueText and messageText (src/taskpane/messages.ts).',
            },
          ],
        },
      ],
    },
  },
  {
    // Node scripts and configs written in CommonJS.
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
