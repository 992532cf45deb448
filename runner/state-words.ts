import { userInfo } from 'node:os';
import type { RunnerWords } from '@/utils/i18n/runner';
import type { StateFileError } from './state-file';

// What the runner says when the state file can't be used: which file, and why, in the chosen
// language. Worded here rather than in cli.ts so the mapping can be tested without a process.

/** Error codes with their own reason; any other reads as "the system refused (CODE)". */
const REASONS = {
  EACCES: 'runner.ioReason.EACCES',
  EPERM: 'runner.ioReason.EACCES',
  EROFS: 'runner.ioReason.EROFS',
  ENOTDIR: 'runner.ioReason.ENOTDIR',
  ENOSPC: 'runner.ioReason.ENOSPC',
  EDQUOT: 'runner.ioReason.ENOSPC',
  EISDIR: 'runner.ioReason.EISDIR',
  ENAMETOOLONG: 'runner.ioReason.ENAMETOOLONG',
} as const;

/** The name of the user this process runs as (the one the folder must let in); its id when it has no name. */
function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return String(process.getuid?.() ?? '?');
  }
}

/** Why the file system refused, from its error code (e.g. EACCES: this user may not write there). */
export function ioReason(code: string, words: RunnerWords, user = currentUser()): string {
  const key = REASONS[code as keyof typeof REASONS];
  if (key === 'runner.ioReason.EACCES') return words.t(key, { user, code });
  return key ? words.t(key, { code }) : words.t('runner.ioReason.other', { code });
}

/** The sentence for a refused state file: damaged, newer, or which file the system refused and why. */
export function stateFileProblem(error: StateFileError, statePath: string, words: RunnerWords, user?: string): string {
  if (error.kind === 'newer') return words.t('runner.stateNewer', { path: statePath });
  if (error.kind === 'damaged') return words.t('runner.stateDamaged', { path: statePath, where: error.where === 'json' ? words.t('runner.notJson') : error.where });
  return words.t(`runner.io.${error.action ?? 'read'}`, { file: error.file ?? statePath, reason: ioReason(error.where, words, user) });
}
