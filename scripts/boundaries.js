// The import rules of the house (docs/ARCHITECTURE.md), as ESLint configs: a file's folder says who may
// import it. Imports run one way: homes and pages → utils/views → utils/core → utils/api, utils/i18n and
// the leaves (utils/*.ts). Only utils/extension/ (and the catalogue's Vue binding) may touch WXT.
// tests/unit/eslint-boundaries.test.ts lints a file that breaks each rule and expects the refusal.

/** A group of import specifiers (regex on the string as written, '@/…' or relative) and why not. */
const rule = (regex, message) => ({ regex, message });

const NO_WXT = rule('^(wxt|wxt/.*|@wxt-dev/.*|#imports)$', 'Only utils/extension/ touches WXT: this code runs in both homes (the worker and the runner). Take a port, or move the code to utils/extension/.');
const NO_NODE = rule('^node:', 'Code under utils/ runs in the browser too: no node:* here (the runner wires Node in).');
const NO_VIEW_LIBS = rule('^(vue|pinia|@vueuse/.*)$', 'Code under utils/ is plain TypeScript shared by both homes: Vue and Pinia belong to components/, stores/ and the pages.');
const NO_HOMES = rule('^(@/|(\\.\\./)+)(entrypoints|runner)(/|$)', 'Nothing shared imports a home (entrypoints/ or runner/): move what both need down into utils/.');
const NO_UI = rule('^(@/|(\\.\\./)+)(components|stores)(/|$)', 'Only the pages import components and stores.');
const NO_EXTENSION = rule('(^|/)extension/', 'utils/extension/ is WXT-only: the engine, the views and the runner must not import it.');
const NO_VIEWS = rule('(^|/)views/', 'The engine decides, the views show: utils/core/ never imports utils/views/ (imports run one way).');
const BELOW = 'The API clients, the catalogue and the leaves sit below the engine and the views: they never import utils/core/ or utils/views/.';
/** utils/core/ and utils/views/ as reached from a file `depth` folders below utils/ (the catalogue has a core/ of its own). */
const noCoreOrViews = (depth) => rule(`^(@/utils/|${'\\.\\./'.repeat(depth) || '\\./'})(core|views)(/|$)`, BELOW);

const restrict = (files, rules, ignores = []) => ({
  files,
  ignores,
  rules: { 'no-restricted-imports': ['error', { patterns: rules }] },
});

/** Browser and Node globals the shared code must be handed as ports, never reach for. */
const globalsRule = (name) => ({ name, message: `Code under utils/ runs in both homes: no \`${name}\` global here. Take it as a port (utils/core/ports.ts) or move the code to utils/extension/.` });

const WXT_ONLY = ['utils/extension/**', 'utils/i18n/vue.ts'];

export const boundaries = [
  restrict(['utils/core/**'], [NO_WXT, NO_NODE, NO_VIEW_LIBS, NO_HOMES, NO_UI, NO_EXTENSION, NO_VIEWS]),
  restrict(['utils/views/**'], [NO_WXT, NO_NODE, NO_VIEW_LIBS, NO_HOMES, NO_UI, NO_EXTENSION]),
  restrict(['utils/*.ts'], [NO_WXT, NO_NODE, NO_VIEW_LIBS, NO_HOMES, NO_UI, NO_EXTENSION, noCoreOrViews(0)]),
  restrict(['utils/api/*.ts', 'utils/i18n/*.ts'], [NO_WXT, NO_NODE, NO_VIEW_LIBS, NO_HOMES, NO_UI, NO_EXTENSION, noCoreOrViews(1)], WXT_ONLY),
  restrict(['utils/i18n/*/**'], [NO_WXT, NO_NODE, NO_VIEW_LIBS, NO_HOMES, NO_UI, NO_EXTENSION, noCoreOrViews(2)]),
  restrict(WXT_ONLY, [NO_HOMES, NO_UI]),
  restrict(['components/**', 'stores/**'], [NO_HOMES]),
  restrict(['runner/**'], [NO_WXT, NO_VIEW_LIBS, NO_UI, rule('^(@/|(\\.\\./)+)entrypoints(/|$)', 'The runner is a home of its own: it shares utils/, never the extension\'s entrypoints.'), rule('(^|/)extension/', 'utils/extension/ is WXT-only: the runner must not import it.')]),
  restrict(['entrypoints/background/**'], [NO_VIEW_LIBS, NO_UI, rule('^(@/|(\\.\\./)+)runner(/|$)', 'The worker and the runner are two homes of one engine: share through utils/.')]),
  {
    files: ['utils/**'],
    ignores: WXT_ONLY,
    rules: { 'no-restricted-globals': ['error', ...['browser', 'chrome', 'process'].map(globalsRule)] },
  },
];
