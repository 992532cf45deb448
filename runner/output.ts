import { chinaDateTime } from '@/utils/china-time';
import type { Notifier } from '@/utils/core/ports';
import type { RunnerWords } from '@/utils/i18n/runner';
import { noticeText } from '@/utils/views/notice-text';

// What the runner prints: short lines for people on stdout, problems on stderr, in the chosen language.
// Accounts are named by nickname or masked phone only; no token, code or passphrase ever reaches a
// line, with --verbose either. Pushes to the phone (Qinglong's QLAPI.notify among them) are the
// engine's, once per wake (pusher.ts): a line here is never pushed, or a failing run every 15 minutes
// would push every 15 minutes.

export interface OutputOptions {
  words: RunnerWords;
  verbose: boolean;
  quiet: boolean;
  /** The daemon's lines carry the China time they were written. */
  stamped?: boolean;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

export type Output = ReturnType<typeof createOutput>;

/** `MM-DD HH:mm`, China time: when something ran or will run. */
export const chinaShort = (at: number) => chinaDateTime(at).slice(5, 16);

/** `reason` with the host it could not reach, when there is one. */
export const atHost = (words: RunnerWords, reason: string, host: string | undefined): string => (host ? words.t('runner.networkAt', { host, reason }) : reason);

export function createOutput(options: OutputOptions) {
  const { words } = options;
  const out = options.out ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const stamp = (line: string) => (options.stamped ? `[${chinaShort(Date.now())}] ${line}` : line);

  // Notices read as the extension's notifications do (utils/views/notice-text.ts), on stderr.
  const notifier: Notifier = {
    async notify(_id, notice) {
      const { message } = noticeText(notice, words.lang);
      err(stamp(`! ${message}`));
    },
  };

  return {
    words,
    notifier,
    /** A line for people; nothing with --quiet. */
    info: (line: string) => void (options.quiet ? undefined : out(stamp(line))),
    /** A problem: always shown, on stderr. */
    problem: (line: string) => err(stamp(line)),
    /** A problem that ends the run. */
    failure: (line: string) => err(stamp(line)),
    detail: (line: string) => void (options.verbose ? err(stamp(`· ${line}`)) : undefined),
    /** Machine-readable output (status --json) on stdout, whatever --quiet says. */
    json: (value: unknown) => out(JSON.stringify(value, null, 2)),
    /** Nothing is left to wait for once a command resolves (the engine awaits its pushes). */
    flush: async () => undefined,
  };
}
