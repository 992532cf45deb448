import { ApiError } from '@/utils/api/http';
import { HandoffError } from '@/utils/handoff-bundle';
import type { Catalogue } from './catalogue';
import type { RunnerConfig } from './config';
import { NoStateError } from './home';
import { LockBusyError } from './lock';
import type { Output } from './output';
import { StateFileError } from './state-file';

// The words for an error that ends a command (cli.ts loads this module only when one did). No error
// here carries a token, code or passphrase.

/** A failure's reason: worded by its kind; a refusal in the server's own words (verification code wrong…). */
export function reason(error: unknown, words: Catalogue): string {
  if (!(error instanceof ApiError)) return words.unexpected(error instanceof Error ? error.name : typeof error);
  if (error.kind === 'rejected') return words.say(error.text);
  return `${words.apiError[error.kind]}${error.status && error.kind === 'server' ? ` (HTTP ${error.status})` : ''}`;
}

/** The line that says why a command failed, in the configured language. */
export function explain(error: unknown, config: RunnerConfig, output: Output): string {
  const { words, statePath } = config;
  if (error instanceof StateFileError) {
    if (error.kind === 'newer') return words.stateNewer(statePath);
    if (error.kind === 'io') return words.stateUnreadable(statePath, error.where);
    return words.stateDamaged(statePath, error.where === 'json' ? words.notJson : error.where);
  }
  if (error instanceof HandoffError) return words.handoff[error.code];
  if (error instanceof NoStateError) return words.noState(statePath);
  if (error instanceof LockBusyError) return words.lockBusy(statePath);
  // Unknown: its name only (a message could quote anything). --verbose adds where it happened.
  if (!(error instanceof ApiError) && error instanceof Error && error.stack) output.detail(error.stack.split('\n').slice(1, 6).join('\n'));
  return reason(error, words);
}
