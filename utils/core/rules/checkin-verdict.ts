import { ApiError } from '../../api/http';
import { isAlreadySignedError, isTodaysSignInRefusal } from '../../api/times';

// What a check-in attempt concludes, from the service's own status and the POST's answer (issue 6).
// Pure: no I/O, no clock. The table test in tests/unit/utils/core/rules/checkin-verdict.test.ts covers every row.

/** The sign-in status as read: `unknown` when it could not be read (404, another shape, a timeout…). */
export type StatusRead = 'signed' | 'unsigned' | 'unknown';

/** What the check-in POST (`collect`) came to. `skipped`: none was sent. */
export type PostOutcome =
  | 'skipped'
  /** `data: true`: this POST signed the day. */
  | 'signed'
  /**
   * `data: false`, an HTTP 409, or an answer whose message says "already signed" whatever its code
   * (a 500 今日已签到, a 400 今天已经签到过了, a success without `data`).
   */
  | 'already'
  /** Timeout, lost connection, 5xx, 429, malformed answer, or an error we don't recognise. */
  | 'transient'
  /** The server answered and refused for another reason (a 4xx or a business code). */
  | 'rejected'
  /** A refusal about today's sign-in that is not "already" nor "try later": no retry would change it. */
  | 'refused-today'
  /** The session is dead: the refresh token was refused. */
  | 'relogin';

export interface VerdictInput {
  /** The status read before deciding to POST; `relogin` when even that found the session dead. */
  before: StatusRead | 'relogin';
  /** Our own POST went out earlier this China day (a worker killed mid-request, say). */
  postedEarlier: boolean;
  post: PostOutcome;
  /** The status read after the POST; `not-read` when it wasn't (the POST's answer was enough). */
  after: StatusRead | 'not-read';
}

export interface Verdict {
  state: 'done' | 'already' | 'failed';
  /** Try again later by the retry schedule (5, 15, 45 min, then hourly; utils/core/rules/checkin-schedule.ts). */
  retry: boolean;
  /** The session ended: only the re-login notice is due, no "day lost" one. */
  relogin?: true;
}

/** Whether to send the POST at all: never when the service already says today is signed. */
export const shouldPost = (before: VerdictInput['before']): boolean => before === 'unsigned' || before === 'unknown';

/** Whether the POST's outcome needs the status read again to know what happened. */
export const needsStatusAfter = (post: PostOutcome): boolean => post !== 'skipped' && post !== 'relogin';

/**
 * The record an attempt leaves. A signed status means the day is done whoever did it: `done` when
 * it was our POST (now or earlier today), `already` when somebody else (the phone app) signed. Only
 * when the status can't be read does the POST's own answer decide, as it did before the status existed.
 *
 * A POST refused as "already signed" right after the status said "not signed" is our own request: the
 * network stack resends a POST whose reused connection was reset before any reply, and the server
 * answers the copy. The day is `done`, not `already` (issue 13).
 */
export function checkinVerdict({ before, postedEarlier, post, after }: VerdictInput): Verdict {
  const signedByOthers: Verdict = { state: postedEarlier ? 'done' : 'already', retry: false };
  // Signed between a status that said "not signed" and our POST's answer: that was our POST.
  const signedByUs: Verdict = before === 'unsigned' ? { state: 'done', retry: false } : signedByOthers;
  if (before === 'relogin' || post === 'relogin') return { state: 'failed', retry: false, relogin: true };
  if (before === 'signed') return signedByOthers;
  switch (post) {
    case 'signed':
      return { state: 'done', retry: false };
    case 'already':
      return signedByUs;
    case 'transient':
      // The server may have acted before the answer was lost: its status says whether it did.
      return after === 'signed' ? { state: 'done', retry: false } : { state: 'failed', retry: true };
    case 'rejected':
      return after === 'signed' ? signedByUs : { state: 'failed', retry: true };
    case 'refused-today':
      return after === 'signed' ? signedByUs : { state: 'failed', retry: false };
    case 'skipped':
      // Not reachable through shouldPost; a POST that never went out decided nothing.
      return { state: 'failed', retry: true };
  }
}

/**
 * The PostOutcome of a `collect` that threw. A rejected token is `relogin` only when the session really
 * ended (`sessionEnded`: the refresh token was refused); a token rejected again right after a good
 * refresh is a passing failure.
 */
export function postOutcomeOf(error: unknown, sessionEnded: boolean): PostOutcome {
  if (isAlreadySignedError(error)) return 'already';
  if (error instanceof ApiError && error.kind === 'unauthorized') return sessionEnded ? 'relogin' : 'transient';
  if (isTodaysSignInRefusal(error)) return 'refused-today';
  if (error instanceof ApiError && error.kind === 'rejected') return 'rejected';
  return 'transient';
}
