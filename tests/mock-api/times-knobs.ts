import type { PointsMode } from './member-book';

// What a test can set and read on the Times mock (api.times): its knobs and the server-side state a
// client can observe. Implemented by TimesState (times.ts); reset() restores every default.

export interface TimesMock {
  lastCode(phone: string): string | undefined;
  accessTtlSeconds: number;
  /** Lifetime of refresh tokens (default 30 days); an addition to the brief, so long clock jumps can be tested. */
  refreshTtlSeconds: number;
  rejectStyle: 'status' | 'body';
  /**
   * How a second check-in on a day is answered: `data: false` ('false'), code 500 in a 200 body
   * ('error'), or HTTP 500 `{"code":500,"message":"今日已签到，请勿重复签到"}` ('status500', how the real
   * service answers per public bug reports). Other wordings a server may use (issue 13): a refusal
   * `{"code":400,"message":"今天已经签到过了"}` ('refused'), a bare HTTP 409 with an empty body
   * ('conflict'), a success envelope without `data` whose message says signed ('message-only').
   */
  alreadyStyle: 'false' | 'error' | 'status500' | 'refused' | 'conflict' | 'message-only';
  /**
   * After an accepted check-in is recorded (date signed, points credited, log entry): answer at once
   * ('normal'), never ('commit-hang': the request stays open until the client leaves or the server
   * closes), or after collectLateMs ('commit-late'). Repeat check-ins are answered at once.
   */
  collectMode: 'normal' | 'commit-hang' | 'commit-late';
  /** The delay of 'commit-late' (default 20000, past the client's timeout). */
  collectLateMs: number;
  /** The sign-in status route answers 404 like an unknown path: a server without it. */
  statusMissing: boolean;
  /** Where check-in points go: the balance plus a history record (default), or an unclaimed record. */
  pointsMode: PointsMode;
  expireAccessTokens(): void;
  checkins(phone?: string): Checkin[];
  memberId(phone: string): string;
  /** The 邦豆 balance (`integral`). */
  points(phone: string): number;
  readonly revokedFamilies: number;
  /** Marks `phone` signed on `date` (default today, China, mock clock) with no check-in: the phone app did it. Credits nothing. */
  signElsewhere(phone: string, date?: string): void;
  /** Replaces the signed China dates of `phone` (streak set-ups). */
  setSignedDays(phone: string, dates: string[]): void;
  /** The `count` the status route shows today. */
  streak(phone: string): number;
  signedToday(phone: string): boolean;
  /** Adds an unclaimed 邦豆 record; its 19-digit id. */
  addUnclaimed(phone: string, points: number, name?: string): string;
  /** Adds `count` unclaimed records of `points` each (a backlog longer than one page of the list). */
  addManyUnclaimed(phone: string, count: number, points: number): void;
  /** claim-all answers success and claims every record ('claims', default) or none ('claims-nothing'). */
  claimAllStyle: 'claims' | 'claims-nothing';
  /** The sum of the unclaimed points. */
  unclaimed(phone: string): number;
  /** Records of `status` (1 unclaimed, 2 history), newest first; ids are 19-digit strings. */
  records(phone: string, status: 1 | 2): { id: string; behaviourName: string; integralChange: number; updateTime: number }[];
  /** `points` due to expire `inDays` China days from today (reported by overdueIntegral; the balance is not changed). */
  setExpiring(phone: string, points: number, inDays: number): void;
  /**
   * Rewrites the `data` of a member-centre route's success answers (a route name such as
   * 'times.signStatus'; ids appear as RawId): another version of the server. undefined removes it.
   */
  reshape(route: string, change: ((data: unknown) => unknown) | undefined): void;
}

export interface Checkin {
  phone: string;
  memberId: string;
  date: string;
  body: unknown;
  accepted: boolean;
}
