import { basename } from 'node:path';
import { CATALOGUES, langFromEnv } from './catalogue';
import { ConfigError, readConfig, type RunnerConfig } from './config';
import type { Command, Context } from './context';
import type { Home } from './home';
import { createOutput } from './output';
import { stdinPrompt } from './prompt';
import { status } from './status';

// The always-on runner (issue 8): `node linli-checkin.mjs [--state FILE] <command>`, the same check-in
// engine as the extension with a state file for storage. Built into .output/runner/ (the entry
// linli-checkin.mjs and its chunks, no node_modules needed: `npm run build:runner`,
// scripts/build-runner.mjs).

// `status` is here; every other command comes with the engine, loaded when it runs (commands.ts): cron
// starts `run` every 15 minutes and scripts poll `status`, so a start parses only what it uses.
const engineCommand = (name: Exclude<keyof typeof import('./commands'), 'createHome' | 'explain'>) => async () => (await import('./commands'))[name];
const COMMANDS: Record<string, () => Promise<Command>> = {
  login: engineCommand('login'),
  'send-code': engineCommand('sendCode'),
  run: engineCommand('run'),
  daemon: engineCommand('daemon'),
  status: async () => status,
  import: engineCommand('importBundle'),
  remove: engineCommand('remove'),
};

async function main(argv: string[]): Promise<number> {
  const program = basename(process.argv[1] ?? 'linli-checkin.mjs');
  let config: RunnerConfig;
  try {
    config = readConfig(argv, process.env);
  } catch (error) {
    const fallback = CATALOGUES[langFromEnv(process.env) ?? 'en'];
    process.stderr.write(`${error instanceof ConfigError ? error.message : fallback.unexpected('config')}\n`);
    return 1;
  }
  const { words } = config;
  if (config.help || !config.command) {
    process.stdout.write(`${words.usage(program)}\n`);
    return config.help ? 0 : 1;
  }
  const load = Object.hasOwn(COMMANDS, config.command) ? COMMANDS[config.command] : undefined;
  if (!load) {
    process.stderr.write(`${words.unknownCommand(config.command)}\n`);
    return 1;
  }
  const output = createOutput({ words, verbose: config.verbose, quiet: config.quiet, stamped: config.command === 'daemon' });
  output.detail(`state ${config.statePath}; ${config.settings.timesBaseUrl}; ${config.settings.checkinTime} +0–${config.settings.randomDelayMinutes} min`);
  const prompt = stdinPrompt();
  // The engine and its HTTP client load with the first command that asks for them; one per process.
  let home: Promise<Home> | undefined;
  const context: Context = { config, output, prompt, home: () => (home ??= import('./commands').then((module) => module.createHome(config, output))) };
  try {
    return await (await load())(context);
  } catch (error) {
    // The words for what went wrong load only when something did.
    const { explain } = await import('./commands');
    output.failure(explain(error, config, output));
    return 1;
  } finally {
    prompt.close();
    await output.flush();
  }
}

process.exitCode = await main(process.argv.slice(2));
// The process ends by itself once its output is written; a timer or socket a library left behind must
// not keep a finished cron run alive, so it is ended a moment later in any case.
setTimeout(() => process.exit(), 2_000).unref();
