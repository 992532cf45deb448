import * as z from 'zod/mini';
import { TIMES_PRODUCTION_URL } from './hosts';

// The shape of everything the extension stores, version 1. A stored value is read through these
// schemas (safeParse, with a fallback), never trusted blindly. When a shape changes, bump the item's
// version in utils/extension/storage.ts, add a migration, and freeze an example of the old version in
// tests/unit/storage.test.ts.

export const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;

/**
 * Words as data (utils/i18n/keys.ts Text): a message key and its values, worded when shown. The key is
 * any string here: one this version does not know (written by a newer one) is worded as a failure.
 */
export const textSchema = z.object({
  key: z.string().check(z.maxLength(100)),
  params: z.optional(z.record(z.string(), z.union([z.string(), z.number()]))),
});

export const settingsSchema = z.object({
  timesBaseUrl: z.string(),
  homingBaseUrl: z.string(),
  /** Daily check-in time, China time, `HH:mm`. */
  checkinTime: z.string().check(z.regex(TIME_OF_DAY)),
  /** Upper bound of a random delay after checkinTime, minutes (0 = none). */
  randomDelayMinutes: z.number().check(z.int(), z.gte(0), z.lte(180)),
  notifications: z.boolean(),
  /** Claim unclaimed 邦豆 points after each check-in (issue 6); off: the popup's claim button does it. */
  autoClaim: z.boolean(),
  /** The pages' and notifications' language (issue 7): `auto` follows the browser's. */
  language: z.enum(['auto', 'zh-CN', 'en']),
  /** Light or dark pages (issue 7): `auto` follows the system's prefers-color-scheme. */
  theme: z.enum(['auto', 'light', 'dark']),
});
export type Settings = z.infer<typeof settingsSchema>;

/** The settings before the user changes any (the runner's defaults too, unless its options say otherwise). */
export const DEFAULT_SETTINGS: Settings = {
  timesBaseUrl: TIMES_PRODUCTION_URL,
  homingBaseUrl: '',
  checkinTime: '08:00',
  randomDelayMinutes: 10,
  notifications: true,
  autoClaim: true,
  language: 'auto',
  theme: 'auto',
};

export const timesAccountSchema = z.object({
  provider: z.literal('times'),
  key: z.string(),
  phone: z.string(),
  memberId: z.string(),
  /** The server the account is logged in to (its origin), shown when it is not production. */
  server: z.string(),
  points: z.optional(z.number()),
  /**
   * `relogin`: the server rejected the refresh token; only a new SMS login helps. `handing-off`: a
   * hand-off bundle was made (utils/core/handoff.ts) and not yet confirmed imported: the tokens stay
   * here, untouched (no request, no refresh), so the bundle can be shown again or the session taken
   * back. `handed-off`: the hand-off was confirmed: no token is kept here, no request is made for it,
   * its history stays; a new SMS login brings it back.
   */
  session: z.enum(['active', 'relogin', 'handing-off', 'handed-off']),
  addedAt: z.number(),
  /** When the current session was logged in (ms epoch): days before it can't be missed days. */
  activeSince: z.optional(z.number()),
  /** A name the family gives the phone, shown instead of the masked number (at most 20 characters). */
  nickname: z.optional(z.string().check(z.maxLength(20))),
  /** The rotated tokens could not be written to storage: the popup says so (see core/sessions.ts). */
  sessionUnsaved: z.optional(z.boolean()),
});
export type TimesAccount = z.infer<typeof timesAccountSchema>;

export const homingAccountSchema = z.object({
  provider: z.literal('homing'),
  key: z.string(),
  mobile: z.string(),
  userCode: z.string(),
  server: z.string(),
  via: z.enum(['sms', 'password', 'zgt']),
  /** When the server said the token expires (ms epoch); absent when it did not say. */
  expiresAt: z.optional(z.number()),
  session: z.enum(['active', 'expired']),
  addedAt: z.number(),
});
export type HomingAccount = z.infer<typeof homingAccountSchema>;

export const accountSchema = z.discriminatedUnion('provider', [timesAccountSchema, homingAccountSchema]);
export type Account = z.infer<typeof accountSchema>;

export const timesSecretSchema = z.object({
  provider: z.literal('times'),
  /** The server that issued the tokens: they are only ever sent back to it, whatever the settings say now. */
  baseUrl: z.string(),
  token: z.string(),
  refreshToken: z.string(),
  tokenHead: z.string(),
  obtainedAt: z.number(),
  /** min(JWT exp, obtainedAt + expiresIn): the server was seen to expire tokens before expiresIn says. */
  expiresAt: z.number(),
  /** After a refresh failed for a passing reason: when to try again, and how many tries so far. */
  refreshRetryAt: z.optional(z.number()),
  refreshFailures: z.optional(z.number()),
  /**
   * The hand-off bundle made of this very session (its account is `handing-off`), kept until the user
   * confirms the import or takes the session back: it is encrypted with the user's passphrase, and
   * while it is here the session is used by nobody (core/sessions.ts refuses it), so that one refresh
   * token is never used in two places. `at`: when it was made (ms epoch).
   */
  handoff: z.optional(z.object({ bundle: z.string(), at: z.number() })),
});
export type TimesSecret = z.infer<typeof timesSecretSchema>;

export const homingSecretSchema = z.object({
  provider: z.literal('homing'),
  baseUrl: z.string(),
  token: z.string(),
});
export type HomingSecret = z.infer<typeof homingSecretSchema>;

export const secretSchema = z.discriminatedUnion('provider', [timesSecretSchema, homingSecretSchema]);
export type Secret = z.infer<typeof secretSchema>;

export const dayRecordSchema = z.object({
  /** The China date this record is about, `YYYY-MM-DD`. */
  date: z.string(),
  state: z.enum(['running', 'done', 'already', 'failed']),
  attempts: z.number(),
  /** When the state was written (ms epoch). */
  at: z.number(),
  nextRetryAt: z.optional(z.number()),
  /** No more tries today (retries capped, or the day ends before the next); the user was told. */
  lost: z.optional(z.boolean()),
  /** Why the day failed: a message key and its values (issue 7); a string in records written before. */
  error: z.optional(z.union([z.string(), textSchema])),
  /** When our own POST for this day went out (ms epoch): a later `sign: true` is then `done`, not `already`. */
  posted: z.optional(z.number()),
  /** The session ended (re-login): the re-login notice is the only one, no "day lost" follows. */
  relogin: z.optional(z.boolean()),
});
export type DayRecord = z.infer<typeof dayRecordSchema>;

/** One day of the service's 7-day reward cycle (sign/task/list `taskVoList`). */
export const weekDaySchema = z.object({
  /** 1..7; days 3 and 7 are the mystery box and the mystery gift on the official page. */
  day: z.number(),
  /** 邦豆 points the day's sign-in earns. */
  reward: z.number(),
  complete: z.boolean(),
});
export type WeekDay = z.infer<typeof weekDaySchema>;

/**
 * What the service says about an account beyond the check-in itself (docs/api/times-member-more-api.md),
 * as last read. Every field is optional: an endpoint that fails only hides its part.
 */
export const memberInfoSchema = z.object({
  /** The sign-in status as last read: its China date, whether signed, the streak and the week. */
  status: z.optional(
    z.object({
      date: z.string(),
      signed: z.boolean(),
      /** Consecutive days signed in (`count`). */
      streak: z.number(),
      week: z.array(weekDaySchema),
      /** 邦豆 today's sign-in earned, once signed (the awardIntegral of today's cell). */
      todayReward: z.optional(z.number()),
      readAt: z.number(),
    }),
  ),
  /** 邦豆 earned but not yet claimed (records with status 1), and when that was read. */
  unclaimed: z.optional(z.object({ points: z.number(), readAt: z.number() })),
  /** 邦豆 expiring within 7 days, read once a China day (`date`). */
  expiring: z.optional(z.object({ points: z.number(), date: z.string() })),
});
export type MemberInfo = z.infer<typeof memberInfoSchema>;

/** The outcome of one account's China day, as the history keeps it. */
export const historyStates = ['done', 'already', 'failed', 'lost', 'missed'] as const;
export type HistoryState = (typeof historyStates)[number];

/**
 * A history entry as stored, a tuple to stay small (5 accounts x 365 days < 100 KB, issue 6):
 * [China date, state, time (epoch seconds), reward (邦豆) or null, balance after or null].
 */
export const historyTupleSchema = z.tuple([
  z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  z.enum(historyStates),
  z.number(),
  z.nullable(z.number()),
  z.nullable(z.number()),
]);
export type HistoryTuple = z.infer<typeof historyTupleSchema>;

/** Notifications already shown, so each is shown once: `<kind>:<account key>[:<date>]`. */
export const notifiedIdSchema = z.string();

/**
 * The popup's unfinished login, in storage.session (gone when the browser closes): the popup closes as
 * soon as the resident clicks elsewhere to read the SMS code, and must come back as it was, countdown
 * included, or a second code would make the first one useless. No code and no password is kept.
 */
export const loginDraftSchema = z.object({
  open: z.boolean(),
  provider: z.enum(['times', 'homing']),
  phone: z.string(),
  /** When a code was last sent, per purpose, and to which phone. */
  sent: z.record(z.string(), z.object({ phone: z.string(), at: z.number() })),
  /** When the form last changed (ms epoch): a form left alone long enough is not brought back (issue 13). */
  at: z.optional(z.number()),
  /** When a login was sent from it (ms epoch): the popup may have closed before the answer came. */
  submittedAt: z.optional(z.number()),
});
export type LoginDraft = z.infer<typeof loginDraftSchema>;

/**
 * One diagnostics log (utils/core/diagnostics.ts), stored under the account's masked name
 * (`times 134****1234`; '' for exchanges no account owns), compact so 5 accounts' full logs stay within 30 KB (issue 13): each string once in
 * `strings`; per exchange, oldest first, a tuple [time (epoch seconds), request (`METHOD /path`), HTTP
 * status (0: none), code, message, shape, duration (ms), reading], the strings as indexes into
 * `strings` (-1: none). Everything in it was redacted when the exchange was described
 * (utils/api/exchange.ts).
 */
export const diagnosticsLogSchema = z.object({
  strings: z.array(z.string()),
  exchanges: z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number(), z.number()])),
});
export type DiagnosticsLog = z.infer<typeof diagnosticsLogSchema>;
