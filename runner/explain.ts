import { ApiError } from '@/utils/api/http';
import { HandoffError } from '@/utils/handoff-bundle';
import type { RunnerWords } from '@/utils/i18n/runner';
import { ConfigError, type RunnerConfig } from './config';
import { NoStateError } from './home';
import { LockBusyError } from './lock';
import { atHost, type Output } from './output';
import { StateFileError } from './state-file';
import { stateFileProblem } from './state-words';

// The words for an error that ends a command (cli.ts loads this module only when one did, so a start
// that fails nothing never loads the HTTP client). No error here carries a token, code or passphrase.

/**
 * A failure's reason, worded as the popup words it; a refusal in the server's own words; a network
 * error or timeout with the host it could not reach (a typo in --base-url, a DNS or firewall problem).
 */
export function reason(error: unknown, words: RunnerWords): string {
  if (!(error instanceof ApiError)) return words.t('runner.unexpected', { name: error instanceof Error ? error.name : typeof error });
  return atHost(words, words.word(error.text), error.kind === 'network' || error.kind === 'timeout' ? error.host : undefined);
}

/** The line that says why a command failed, in the configured language. */
export function explain(error: unknown, config: RunnerConfig, output: Output): string {
  const { words, statePath } = config;
  if (error instanceof StateFileError) return stateFileProblem(error, statePath, words);
  if (error instanceof HandoffError) return words.t(`runner.handoff.${error.code}`);
  if (error instanceof NoStateError) return words.t('runner.noState', { path: statePath });
  if (error instanceof LockBusyError) return words.t('runner.lockBusy', { path: statePath });
  if (error instanceof ConfigError) return error.message;
  // Unknown: its name only (a message could quote anything). --verbose adds where it happened.
  if (!(error instanceof ApiError) && error instanceof Error && error.stack) output.detail(error.stack.split('\n').slice(1, 6).join('\n'));
  return reason(error, words);
}
