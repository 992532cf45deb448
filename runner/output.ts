import { chinaDateTime } from '@/utils/china-time';
import type { Notice, Notifier } from '@/utils/core/ports';
import type { Catalogue } from './catalogue';

// What the runner prints: short lines for people on stdout, problems on stderr, in the chosen language.
// Accounts are named by nickname or masked phone only; no token, code or passphrase ever reaches a
// line, with --verbose either. Under Qinglong, notices and a failing run's reason also go to the panel's
// own notification channels (QLAPI.notify, which Qinglong's preload gives the scripts it runs).

interface Qinglong {
  notify(title: string, content: string): unknown;
}

export interface OutputOptions {
  words: Catalogue;
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

export function createOutput(options: OutputOptions) {
  const { words } = options;
  const out = options.out ?? ((line: string) => void process.stdout.write(`${line}\n`));
  const err = options.err ?? ((line: string) => void process.stderr.write(`${line}\n`));
  const stamp = (line: string) => (options.stamped ? `[${chinaShort(Date.now())}] ${line}` : line);
  const qinglong = (): Qinglong | undefined => {
    const api = (globalThis as { QLAPI?: Partial<Qinglong> }).QLAPI;
    return typeof api?.notify === 'function' ? (api as Qinglong) : undefined;
  };
  const sent: Promise<unknown>[] = [];

  /** Forwards to Qinglong's notification channels when running under it; never fails the run. */
  function panelNotify(content: string): void {
    const api = qinglong();
    if (!api) return;
    try {
      sent.push(Promise.resolve(api.notify(words.notice.title, content)).catch(() => undefined));
    } catch {
      // A panel whose channel is misconfigured must not break the check-in.
    }
  }

  function noticeLine(notice: Notice): string {
    switch (notice.kind) {
      case 'relogin':
        return words.notice.relogin(notice.account);
      case 'lost':
        return words.notice.lost(notice.account, notice.date, notice.reason === undefined ? undefined : words.say(notice.reason));
      case 'missed':
        return words.notice.missed(notice.dates.join(', '), notice.accounts.join(', '));
      case 'expiring':
        return words.notice.expiring(notice.account, notice.points);
      case 'homing-expired':
        return words.notice.homingExpired(notice.account);
    }
  }

  const notifier: Notifier = {
    async notify(_id, notice) {
      const line = noticeLine(notice);
      err(stamp(`! ${line}`));
      panelNotify(line);
    },
  };

  return {
    words,
    notifier,
    /** A line for people; nothing with --quiet. */
    info: (line: string) => void (options.quiet ? undefined : out(stamp(line))),
    /** A problem: always shown, on stderr. */
    problem: (line: string) => err(stamp(line)),
    /** A problem that ends the run: also sent to Qinglong's notifications. */
    failure(line: string) {
      err(stamp(line));
      panelNotify(line);
    },
    detail: (line: string) => void (options.verbose ? err(stamp(`· ${line}`)) : undefined),
    /** Machine-readable output (status --json) on stdout, whatever --quiet says. */
    json: (value: unknown) => out(JSON.stringify(value, null, 2)),
    /** Waits (at most 10 s) for notifications handed to the panel, before the process exits. */
    flush: () => Promise.race([Promise.all(sent), new Promise((resolve) => setTimeout(resolve, 10_000).unref())]),
  };
}
