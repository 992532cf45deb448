import { defineConfig } from 'eslint/config';
import pluginVue from 'eslint-plugin-vue';
import globals from 'globals';
import tseslint from 'typescript-eslint';
import vueParser from 'vue-eslint-parser';
import { boundaries } from './scripts/boundaries.js';

// `npm run lint`. Besides the usual TypeScript and Vue checks it enforces two of the project's standing
// rules (see /work/shared/hooks): nothing from a server is ever rendered as HTML, and no token ever syncs.


const EXTENSION_CODE = ['entrypoints/**', 'components/**', 'stores/**', 'utils/**'];
const NODE_CODE = ['scripts/**', 'tests/**', '*.config.{js,ts,mjs}'];

const noHtml = 'Nothing from a server is rendered as HTML: set textContent, or let Vue interpolate {{ }}.';
const noSync = 'Tokens must never sync: use storage.local (WXT "local:" keys). Sync storage goes to Google and every signed-in device.';

export default defineConfig(
  { ignores: ['.output/', '.wxt/', 'node_modules/', '.chrome-profile/', 'stats.html'] },

  tseslint.configs.recommended,
  pluginVue.configs['flat/recommended'],
  // Without its layout rules: formatting (one attribute per line and the like) is not what lint is for
  // here, and their ~200 warnings on the team's one-line templates would bury the warnings that matter.
  pluginVue.configs['no-layout-rules'],
  {
    // vue-eslint-parser reads the template; <script lang="ts"> goes on to the TypeScript parser.
    files: ['**/*.vue'],
    languageOptions: {
      parser: vueParser,
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.vue'], sourceType: 'module' },
    },
  },

  // The extension's own code runs in the browser (the worker, the popup, the options page); every file
  // imports what it uses (wxt.config.ts: imports false).
  { files: EXTENSION_CODE, languageOptions: { globals: globals.browser } },
  { files: NODE_CODE, languageOptions: { globals: globals.node } },
  {
    // Plain JS has no type checker behind it, so undefined names must be caught here. (In TS and Vue
    // files vue-tsc does that better, and no-undef misfires on types.)
    files: ['**/*.{js,mjs}'],
    languageOptions: { globals: globals.node },
    rules: { 'no-undef': 'error' },
  },

  {
    // The extension's code (and anything new outside tests/ and scripts/). Tests may read sync storage
    // to prove it stays empty, and may build DOM fixtures with innerHTML.
    ignores: ['tests/**', 'scripts/**'],
    rules: {
      // One list: a later `no-restricted-syntax` entry would replace this one, not add to it.
      'no-restricted-syntax': [
        'error',
        { selector: "AssignmentExpression > MemberExpression.left[property.name=/^(inner|outer)HTML$/]", message: noHtml },
        { selector: "AssignmentExpression > MemberExpression.left[property.value=/^(inner|outer)HTML$/]", message: noHtml },
        { selector: "CallExpression > MemberExpression.callee[property.name='insertAdjacentHTML']", message: noHtml },
        // chrome.storage.sync, browser.storage.sync, and `const { sync } = browser.storage`.
        { selector: "MemberExpression[property.name='sync'][object.property.name='storage']", message: noSync },
        { selector: "VariableDeclarator[init.property.name='storage'] > ObjectPattern > Property[key.name='sync']", message: noSync },
        // WXT storage's sync area is chosen by a "sync:" key prefix.
        { selector: 'CallExpression > Literal[value=/^sync:/]', message: noSync },
        { selector: 'CallExpression > TemplateLiteral > TemplateElement:first-child[value.raw=/^sync:/]', message: noSync },
      ],
      // Nothing from a server is rendered as HTML (a hijacked or spoofed API answer must not be able to
      // run script in the extension's pages, which hold the tokens).
      'vue/no-v-html': 'error',
      'vue/no-restricted-v-bind': [
        'error',
        { argument: 'innerHTML', message: noHtml },
        { argument: 'outerHTML', message: noHtml },
      ],
    },
  },
  {
    rules: {
      // The popup's root component is App.vue, as in every Vue project.
      'vue/multi-word-component-names': 'off',
      // The worker and pages keep the console quiet: what they log a user can copy into an issue, and
      // logs must never carry a token. Scripts and tests print freely.
      'no-console': 'warn',
      // `const { [key]: _removed, ...rest } = map` is how an entry is dropped from a record.
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true }],
    },
  },
  { files: NODE_CODE, rules: { 'no-console': 'off' } },
  // The house (docs/ARCHITECTURE.md): a file's folder says who may import it. Each folder gets one
  // complete list (a later no-restricted-imports entry for the same file replaces an earlier one).
  ...boundaries,
);
