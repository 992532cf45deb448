import { basename } from 'node:path';
import { langFromEnv, runnerWords } from '@/utils/i18n/runner';
import { ConfigError, readConfig, type RunnerConfig } from './config';
import type { Command, Context } from './context';
import { diagnose } from './diagnose';
import { EXIT } from './exit-codes';
import type { Home } from './home';
import { createOutput } from './output';
import { stdinPrompt } from './prompt';
import { StateFileError } from './state-file';
import { status } from './status';

// The always-on runner (issue 8): `node linli-checkin.mjs [--state FILE] <command>`, the same check-in
// engine as the extension with a state file for storage. Built into .output/runner/ (the entry
// linli-checkin.mjs and its chunks, no node_modules needed: `npm run build:runner`,
// scripts/build-runner.mjs).

// `status` and `diagnose` are here; every other command comes with the engine, loaded when it runs
// (commands.ts): cron starts `run` every 15 minutes and scripts poll `status`, so a start parses only
// what it uses.
type EngineCommand = Exclude<keyof typeof import('./commands'), 'createHome' | 'explain'>;
const engineCommand = (name: EngineCommand) => async () => (await import('./commands'))[name];
const COMMANDS: Record<string, () => Promise<Command>> = {
  login: engineCommand('login'),
  'send-code': engineCommand('sendCode'),
  run: engineCommand('run'),
  daemon: engineCommand('daemon'),
  status: async () => status,
  import: engineCommand('importBundle'),
  remove: engineCommand('remove'),
  'notify-test': engineCommand('notifyTest'),
  diagnose: async () => diagnose,
};

/** The engine over the state file, with WebCrypto in place (Node 18 has it only as node:crypto's webcrypto). */
async function loadHome(config: RunnerConfig, output: Context['output']): Promise<Home> {
  // Set up with the engine, not at start: even looking at globalThis.crypto loads Node's WebCrypto, which
  // the hand-off and the DingTalk and Feishu signatures need and `status` does not.
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: (await import('node:crypto')).webcrypto, configurable: true });
  return (await import('./commands')).createHome(config, output);
}

async function main(argv: string[]): Promise<number> {
  const program = basename(process.argv[1] ?? 'linli-checkin.mjs');
  let config: RunnerConfig;
  try {
    config = readConfig(argv, process.env);
  } catch (error) {
    const fallback = runnerWords(langFromEnv(process.env) ?? 'en');
    process.stderr.write(`${error instanceof ConfigError ? error.message : fallback.t('runner.unexpected', { name: 'config' })}\n`);
    return error instanceof ConfigError ? EXIT.usage : EXIT.failed;
  }
  const { words } = config;
  if (config.help) {
    process.stdout.write(`${words.t('runner.usage', { program })}\n`);
    return EXIT.ok;
  }
  if (!config.command) {
    process.stderr.write(`${words.t('runner.usage', { program })}\n`);
    return EXIT.usage;
  }
  const load = Object.hasOwn(COMMANDS, config.command) ? COMMANDS[config.command] : undefined;
  if (!load) {
    process.stderr.write(`${words.t('runner.unknownCommand', { command: config.command })}\n`);
    return EXIT.usage;
  }
  const output = createOutput({ words, verbose: config.verbose, quiet: config.quiet, stamped: config.command === 'daemon' });
  output.detail(`state ${config.statePath}; ${config.settings.timesBaseUrl}; ${config.settings.checkinTime} +0–${config.settings.randomDelayMinutes} min`);
  const prompt = stdinPrompt();
  // The engine and its HTTP client load with the first command that asks for them; one per process.
  let home: Promise<Home> | undefined;
  const context: Context = { config, output, prompt, home: () => (home ??= loadHome(config, output)) };
  try {
    return await (await load())(context);
  } catch (error) {
    // The words for what went wrong load only when something did.
    const { explain } = await import('./commands');
    output.failure(explain(error, config, output));
    if (error instanceof ConfigError) return EXIT.usage;
    return error instanceof StateFileError ? EXIT.state : EXIT.failed;
  } finally {
    prompt.close();
    await output.flush();
  }
}

process.exitCode = await main(process.argv.slice(2));
// The process ends by itself once its output is written; a timer or socket a library left behind must
// not keep a finished cron run alive, so it is ended a moment later in any case.
setTimeout(() => process.exit(), 2_000).unref();
