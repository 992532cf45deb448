import { webcrypto } from 'node:crypto';
import { basename } from 'node:path';
import { ApiError } from '@/utils/api/http';
import { HandoffError } from '@/utils/handoff-bundle';
import { langFromEnv, runnerWords } from '@/utils/i18n/runner';
import { ConfigError, readConfig, type RunnerConfig } from './config';
import type { Command, Context } from './context';
import { daemon } from './daemon';
import { EXIT } from './exit-codes';
import { diagnose } from './diagnose';
import { createHome, NoStateError } from './home';
import { importBundle } from './import';
import { LockBusyError } from './lock';
import { login, remove, sendCode } from './login';
import { notifyTest } from './notify-test';
import { createOutput, type Output } from './output';
import { stdinPrompt } from './prompt';
import { run } from './run';
import { StateFileError } from './state-file';
import { stateFileProblem } from './state-words';
import { status } from './status';

// The always-on runner (issue 8): `node linli-checkin.mjs [--state FILE] <command>`, the same check-in
// engine as the extension with a state file for storage. Bundled into one file that needs no
// node_modules (`npm run build:runner`, scripts/build-runner.mjs).

const COMMANDS: Record<string, Command> = { login, 'send-code': sendCode, run, daemon, status, import: importBundle, remove, 'notify-test': notifyTest, diagnose };

/** The words for an error that ends a command; no error here carries a token, code or passphrase. */
function explain(error: unknown, config: RunnerConfig, output: Output): string {
  const { words, statePath } = config;
  if (error instanceof StateFileError) return stateFileProblem(error, statePath, words);
  if (error instanceof HandoffError) return words.t(`runner.handoff.${error.code}`);
  if (error instanceof NoStateError) return words.t('runner.noState', { path: statePath });
  if (error instanceof LockBusyError) return words.t('runner.lockBusy', { path: statePath });
  if (error instanceof ConfigError) return error.message;
  if (error instanceof ApiError) return output.reason(error);
  // Unknown: its name only (a message could quote anything). --verbose adds where it happened.
  if (error instanceof Error && error.stack) output.detail(error.stack.split('\n').slice(1, 6).join('\n'));
  return output.reason(error);
}

async function main(argv: string[]): Promise<number> {
  // Node 18 has WebCrypto only as node:crypto's webcrypto; the hand-off code uses globalThis.crypto.
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto, configurable: true });
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
  const command = COMMANDS[config.command];
  if (!command) {
    process.stderr.write(`${words.t('runner.unknownCommand', { command: config.command })}\n`);
    return EXIT.usage;
  }
  const output = createOutput({ words, verbose: config.verbose, quiet: config.quiet, stamped: config.command === 'daemon' });
  output.detail(`state ${config.statePath}; ${config.settings.timesBaseUrl}; ${config.settings.checkinTime} +0–${config.settings.randomDelayMinutes} min`);
  const prompt = stdinPrompt();
  const context: Context = { config, output, home: createHome(config, output), prompt };
  try {
    return await command(context);
  } catch (error) {
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
