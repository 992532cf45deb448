import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { text, type Lang, type Text } from '@/utils/i18n/keys';
import { langFromEnv, runnerWords, type RunnerWords } from '@/utils/i18n/runner';
import { DEFAULT_SETTINGS, type Settings } from '@/utils/storage-schema';
import { normaliseBaseUrl, normaliseDelay, normaliseTime } from '@/utils/views/settings-form';

// The runner's command line and environment (docs/E2E-CONTRACT.md, "Runner"): options win over
// environment variables, which win over the defaults. Settings live here, not in the state file, so a
// cron line or a container says everything about how it runs.

export interface RunnerConfig {
  command?: string;
  /** Positional arguments after the command (`import FILE`). */
  args: string[];
  statePath: string;
  settings: Settings;
  lang: Lang;
  words: RunnerWords;
  verbose: boolean;
  quiet: boolean;
  help: boolean;
  json: boolean;
  force: boolean;
  phone?: string;
  code?: string;
  passphrase?: string;
}

/**
 * A command line, environment or argument the runner refuses (a usage error: exit 64), already worded
 * for the user. Commands throw it too (a bundle file that does not exist).
 */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const OPTIONS = {
  state: { type: 'string' },
  'base-url': { type: 'string' },
  'checkin-time': { type: 'string' },
  'random-delay': { type: 'string' },
  lang: { type: 'string' },
  phone: { type: 'string' },
  code: { type: 'string' },
  passphrase: { type: 'string' },
  force: { type: 'boolean' },
  json: { type: 'boolean' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** `$XDG_CONFIG_HOME/linli-checkin/state.json`, else `~/.config/linli-checkin/state.json`. */
export function defaultStatePath(env: Record<string, string | undefined>): string {
  const base = env.XDG_CONFIG_HOME?.trim() || join(homedir(), '.config');
  return join(base, 'linli-checkin', 'state.json');
}

/** A refused value, worded as the options page words it, with the option or variable it came from. */
function refuse(words: RunnerWords, option: string, value: string, reason: Text): ConfigError {
  return new ConfigError(words.t('runner.badValue', { option, value, reason: words.word(reason) }));
}

// The options page's rules (utils/views/settings-form.ts), so `8:05` or a base URL means the same in
// both homes.
function settingsFrom(
  values: { 'base-url'?: string; 'checkin-time'?: string; 'random-delay'?: string },
  env: Record<string, string | undefined>,
  words: RunnerWords,
): Settings {
  const rawUrl = values['base-url'] ?? env.LINLI_BASE_URL ?? DEFAULT_SETTINGS.timesBaseUrl;
  const url = normaliseBaseUrl(rawUrl);
  if ('error' in url) throw refuse(words, values['base-url'] === undefined ? 'LINLI_BASE_URL' : '--base-url', rawUrl, url.error);
  const rawTime = values['checkin-time'] ?? env.LINLI_CHECKIN_TIME ?? DEFAULT_SETTINGS.checkinTime;
  const checkinTime = normaliseTime(rawTime);
  if (!checkinTime) throw refuse(words, values['checkin-time'] === undefined ? 'LINLI_CHECKIN_TIME' : '--checkin-time', rawTime, text('options.error.time'));
  const rawDelay = values['random-delay'] ?? env.LINLI_RANDOM_DELAY ?? String(DEFAULT_SETTINGS.randomDelayMinutes);
  const delay = normaliseDelay(rawDelay);
  if (delay === undefined) throw refuse(words, values['random-delay'] === undefined ? 'LINLI_RANDOM_DELAY' : '--random-delay', rawDelay, text('options.error.delay'));
  // Notices are output lines here; the user turns them down with --quiet, not in the engine.
  return { ...DEFAULT_SETTINGS, timesBaseUrl: url.url, checkinTime, randomDelayMinutes: delay, notifications: true };
}

type Known = keyof typeof OPTIONS;
const isKnown = (name: string): name is Known => Object.prototype.hasOwnProperty.call(OPTIONS, name);

/**
 * Refuses what parseArgs would refuse, in our words (parseArgs words its errors in English, with
 * advice about `--` that means nothing to a cron user): an unknown option, a string option without its
 * value (`--state` last, or followed by another option), a switch given a value (`--force=yes`).
 */
function refuseBadOptions(tokens: { kind: string; name?: string; rawName?: string; value?: string; inlineValue?: boolean }[], words: RunnerWords): void {
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    const option = token.rawName ?? `--${token.name}`;
    if (!isKnown(token.name)) throw new ConfigError(words.t('runner.unknownOption', { option }));
    const { type } = OPTIONS[token.name];
    if (type === 'string' && (token.value === undefined || (!token.inlineValue && token.value.startsWith('-')))) {
      throw new ConfigError(words.t('runner.missingValue', { option }));
    }
    if (type === 'boolean' && token.value !== undefined) throw new ConfigError(words.t('runner.noValue', { option }));
  }
}

/**
 * Reads the command line and environment. Throws ConfigError (a usage error) with a message in the
 * chosen language: `--lang`, else LINLI_LANG or the locale, is read first so that even a refused option
 * is worded in it.
 */
export function readConfig(argv: string[], env: Record<string, string | undefined>): RunnerConfig {
  // A lenient pass first: the language to word refusals in, and the tokens to check.
  const loose = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: false, tokens: true });
  const asked = typeof loose.values.lang === 'string' ? loose.values.lang : undefined;
  const lang = asked ? langFromEnv({ LINLI_LANG: asked }) : langFromEnv(env);
  if (!lang) throw new ConfigError(runnerWords('en').t('runner.badLang', { value: asked ?? env.LINLI_LANG ?? '' }));
  const words = runnerWords(lang);
  refuseBadOptions(loose.tokens ?? [], words);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch {
    // Whatever the checks above did not foresee (a Node without tokens): still our words, never Node's.
    throw new ConfigError(words.t('runner.badArguments'));
  }
  const { values, positionals } = parsed;
  const [command, ...args] = positionals;
  return {
    command,
    args,
    statePath: resolve(values.state ?? env.LINLI_STATE ?? defaultStatePath(env)),
    settings: settingsFrom(values, env, words),
    lang,
    words,
    verbose: values.verbose === true,
    quiet: values.quiet === true,
    help: values.help === true,
    json: values.json === true,
    force: values.force === true,
    phone: values.phone,
    code: values.code,
    passphrase: values.passphrase,
  };
}
