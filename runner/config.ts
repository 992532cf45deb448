import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { normaliseBaseUrl } from '@/utils/views/settings-form';
import { DEFAULT_SETTINGS, settingsSchema, TIME_OF_DAY, type Settings } from '@/utils/storage-schema';
import { CATALOGUES, langFromEnv, type Catalogue, type Lang } from './catalogue';

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
  words: Catalogue;
  verbose: boolean;
  quiet: boolean;
  help: boolean;
  json: boolean;
  force: boolean;
  phone?: string;
  code?: string;
  passphrase?: string;
}

/** A command line or environment the runner refuses, already worded for the user. */
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

function settingsFrom(
  values: { 'base-url'?: string; 'checkin-time'?: string; 'random-delay'?: string },
  env: Record<string, string | undefined>,
  words: Catalogue,
): Settings {
  const rawUrl = values['base-url'] ?? env.LINLI_BASE_URL ?? DEFAULT_SETTINGS.timesBaseUrl;
  const url = normaliseBaseUrl(rawUrl);
  if ('error' in url) throw new ConfigError(words.badBaseUrl(rawUrl));
  const checkinTime = values['checkin-time'] ?? env.LINLI_CHECKIN_TIME ?? DEFAULT_SETTINGS.checkinTime;
  if (!TIME_OF_DAY.test(checkinTime)) throw new ConfigError(words.badCheckinTime(checkinTime));
  const rawDelay = values['random-delay'] ?? env.LINLI_RANDOM_DELAY ?? String(DEFAULT_SETTINGS.randomDelayMinutes);
  const delay = /^\d+$/.test(rawDelay.trim()) ? Number(rawDelay) : NaN;
  if (!settingsSchema.shape.randomDelayMinutes.safeParse(delay).success) throw new ConfigError(words.badRandomDelay(rawDelay));
  // Notices are output lines here; the user turns them down with --quiet, not in the engine.
  return { ...DEFAULT_SETTINGS, timesBaseUrl: url.url, checkinTime, randomDelayMinutes: delay, notifications: true };
}

/** Reads the command line and environment. Throws ConfigError with a message in the chosen language. */
export function readConfig(argv: string[], env: Record<string, string | undefined>): RunnerConfig {
  const envLang = langFromEnv(env);
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // parseArgs words its own errors (English, an option's name, never its value).
    const words = CATALOGUES[envLang ?? 'en'];
    throw new ConfigError(words.badOption(error instanceof Error ? error.message.split('\n')[0] : String(error)));
  }
  const { values, positionals } = parsed;
  const lang = values.lang ? langFromEnv({ LINLI_LANG: values.lang }) : envLang;
  if (!lang) throw new ConfigError(CATALOGUES.en.badLang(values.lang ?? env.LINLI_LANG ?? ''));
  const words = CATALOGUES[lang];
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
