import * as z from 'zod/mini';
import { ApiError, joinUrl, requestJson, type JsonResponse } from './http';
import type { ExchangeObserver } from './exchange';
import { chinaDateTime } from '../china-time';
import { text } from '../i18n/keys';

// The Times member API (docs/api/times-member-checkin-api.txt, and for the status, 邦豆 records,
// claims and expiry docs/api/times-member-more-api.md). Every answer is a `{code, data, message}`
// envelope; success is code 200.

export const AREA_CODE = '86';

export const PATHS = {
  sendCode: '/times/pub-center/verifycode/api/v1/send',
  smsToken: '/times/times-bff/bff/api-c/v1/oauth/token',
  memberDetail: '/times/member-bff/member/api-c/v1/member/detailByPhone',
  // The double slash is the documented path and what the official app sends: keep it.
  collect: '/times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect',
  refresh: '/times/auth/oauth/token',
  // From the service's own member page (docs/api/times-member-more-api.md); untried against the live
  // server, so every caller treats a failure of these as "unknown", never as a reason to stop.
  signStatus: '/times/member-bff/task/api-c/v1/sign/task/list',
  pointsRecords: '/times/member-bff/member/api-c/v1/member/integralRecord/list',
  claimAll: '/times/member-bff/integral-record/api-c/v1/integral-record/receive/all',
  expiringPoints: '/times/member-bff/member/api-c/v1/member/overdueIntegral',
} as const;

const envelopeSchema = z.object({
  code: z.union([z.number(), z.string()]),
  data: z.optional(z.unknown()),
  message: z.optional(z.nullable(z.string())),
});

const grantSchema = z.object({
  token: z.string().check(z.minLength(1)),
  refreshToken: z.string().check(z.minLength(1)),
  tokenHead: z.optional(z.nullable(z.string())),
  expiresIn: z.number(),
});
export type TimesGrant = z.infer<typeof grantSchema>;

const smsLoginSchema = z.object({ authUserDTO: grantSchema });

const digits = z.string().check(z.regex(/^\d{1,30}$/));
const memberSchema = z.object({
  // Ids are 19-digit numbers: past Number.MAX_SAFE_INTEGER, so only the string form is exact. The
  // lossless parser keeps a big `memberId` literal as a string too, which is the fallback.
  memberIdStr: z.optional(z.nullable(z.string())),
  memberId: z.optional(z.nullable(z.union([z.string(), z.number()]))),
  integral: z.optional(z.nullable(z.union([z.number(), z.string()]))),
});
const looseNumber = z.union([z.number(), z.string().check(z.regex(/^-?\d+(\.\d+)?$/))]);
const signStatusSchema = z.object({
  sign: z.boolean(),
  count: z.optional(z.nullable(looseNumber)),
  taskVoList: z.optional(
    z.nullable(
      z.array(z.object({ day: looseNumber, awardIntegral: z.optional(z.nullable(looseNumber)), complete: z.optional(z.nullable(z.boolean())) })),
    ),
  ),
});
const pointsRecordsSchema = z.object({
  total: z.optional(z.nullable(looseNumber)),
  records: z.optional(
    z.nullable(
      z.array(
        z.object({
          id: z.union([z.string(), z.number()]),
          behaviourName: z.optional(z.nullable(z.string())),
          integralChange: z.optional(z.nullable(looseNumber)),
          changeType: z.optional(z.nullable(looseNumber)),
          updateTime: z.optional(z.nullable(looseNumber)),
        }),
      ),
    ),
  ),
});

/** The sign-in status (sign/task/list): today's `sign`, the streak and the 7-day reward cycle. */
export interface SignStatusReply {
  signed: boolean;
  /** Consecutive days signed in (`count`), 0 when absent. */
  streak: number;
  /** The cycle's days in order 1..7: reward in 邦豆 points, and whether that day is complete. */
  week: { day: number; reward: number; complete: boolean }[];
}

/** One 邦豆 record (integralRecord/list). Ids are 19-digit numbers, kept as strings. */
export interface PointsRecord {
  id: string;
  name: string;
  /** 邦豆 points; positive when gained (`changeType` 1). */
  change: number;
  /** epoch ms (`updateTime`), when the server gave it. */
  at?: number;
}

export interface MemberDetail {
  memberId: string;
  points?: number;
}

/**
 * Opens the envelope of a success answer: its `data` and `message`. `code: 401` in a 200 body is the
 * same rejected token as an HTTP 401; any other failure throws ApiError carrying the server's message.
 */
function openEnvelope(response: JsonResponse): { data: unknown; message?: string | null } {
  if (response.status === 401) throw new ApiError('unauthorized', text('error.unauthorized'), 401, 401);
  const envelope = envelopeSchema.safeParse(response.body);
  if (!envelope.success) {
    if (response.status >= 400) throw new ApiError('rejected', text('error.httpFailed', { status: response.status }), response.status);
    throw new ApiError('malformed', text('error.malformed'), response.status);
  }
  const { code, data, message } = envelope.data;
  // A 5xx or 429 with an envelope is still a passing failure, but it carries the server's words (a 500
  // "今日已签到，请勿重复签到" is how the service answers a second check-in).
  if (response.status >= 500 || response.status === 429) {
    throw new ApiError('server', message || text('error.unavailable', { status: response.status }), response.status, code, data);
  }
  if (Number(code) === 401) throw new ApiError('unauthorized', message || text('error.unauthorized'), response.status, 401);
  if (Number(code) !== 200 || response.status >= 400) {
    throw new ApiError('rejected', message || text('error.codeFailed', { code: String(code) }), response.status, code, data);
  }
  return { data, message };
}

/** Unwraps the envelope and parses its `data` (malformed when it is not that shape). */
function unwrap<T>(response: JsonResponse, dataSchema: z.ZodMiniType<T>): T {
  const parsed = dataSchema.safeParse(openEnvelope(response).data);
  if (!parsed.success) throw new ApiError('malformed', text('error.malformed'), response.status, 200);
  return parsed.data;
}

export interface CheckinBody {
  behaviourId: 10;
  clientCode: 'sys_linlibang';
  createTime: string;
  mapPamater: { sign: string };
  memberId: string;
}

/** The documented check-in body: createTime and sign are China wall-clock time of `now`. */
export function checkinBody(memberId: string, now: number): CheckinBody {
  const time = chinaDateTime(now);
  return { behaviourId: 10, clientCode: 'sys_linlibang', createTime: time, mapPamater: { sign: time }, memberId };
}

export function bearer(token: string, tokenHead?: string | null): string {
  return `${tokenHead || 'Bearer '}${token}`;
}

/** A client of the Times server at `baseUrl`; `observe` is told of every exchange (diagnostics). */
export function createTimesClient(baseUrl: string, observe?: ExchangeObserver) {
  const url = (path: string) => joinUrl(baseUrl, path);
  // Every official client sends the locale header.
  const headers = (authorization?: string): Record<string, string> =>
    authorization ? { locale: 'zh_CN', Authorization: authorization } : { locale: 'zh_CN' };

  return {
    async sendCode(phone: string): Promise<void> {
      await requestJson(url(PATHS.sendCode), { method: 'POST', headers: headers(), body: { phoneNumber: phone, areaCode: AREA_CODE }, observe }, (response) =>
        unwrap(response, z.unknown()),
      );
    },

    async loginBySmsCode(phone: string, code: string): Promise<TimesGrant> {
      const reply = await requestJson(url(PATHS.smsToken), {
        method: 'POST',
        headers: headers(),
        observe,
        body: {
          grant_type: 'sms_code',
          scope: 'all',
          client_id: 'mini_charge',
          client_secret: 'times',
          username: phone,
          password: code,
          areaCode: AREA_CODE,
        },
      }, (response) => unwrap(response, smsLoginSchema));
      return reply.authUserDTO;
    },

    async memberDetail(authorization: string, phone: string): Promise<MemberDetail> {
      const query = new URLSearchParams({ phone, phoneArea: AREA_CODE });
      return requestJson(
        `${url(PATHS.memberDetail)}?${query}`,
        // A read, safe to repeat: at login a failure here would waste the SMS code just used.
        { method: 'GET', headers: headers(authorization), retry: 2, observe },
        (response) => {
          const member = unwrap(response, memberSchema);
          const candidates = [member.memberIdStr, typeof member.memberId === 'string' ? member.memberId : undefined];
          const memberId = candidates.find((id) => id && digits.safeParse(id).success);
          if (!memberId) throw new ApiError('malformed', text('error.noMemberId'), response.status);
          const points = member.integral == null ? undefined : Number(member.integral);
          return { memberId, points: Number.isFinite(points) ? points : undefined };
        },
      );
    },

    /**
     * True when this call checked in; false when the server says today is already done: `data: false`,
     * or a success envelope without `data` whose message says so (saysAlreadySigned). Throws ApiError
     * otherwise; isAlreadySignedError tells the refusals that mean "already" (a 409, a message).
     */
    async collect(authorization: string, memberId: string, now: number): Promise<boolean> {
      return requestJson(
        url(PATHS.collect),
        {
          method: 'POST',
          headers: { ...headers(authorization), 'Content-Type': 'application/json' },
          body: { ...checkinBody(memberId, now) },
          observe,
          // As the engine reads it (core/rules/checkin-verdict.ts postOutcomeOf).
          reading: (outcome) => ('value' in outcome ? (outcome.value ? 'done' : 'already') : isAlreadySignedError(outcome.error) ? 'already' : undefined),
        },
        (response) => {
          const { data, message } = openEnvelope(response);
          if (typeof data === 'boolean') return data;
          if (data == null && saysAlreadySigned(message)) return false;
          throw new ApiError('malformed', text('error.malformed'), response.status, 200);
        },
      );
    },

    /**
     * The sign-in status (docs/api/times-member-more-api.md): `sign` today, `count` the streak,
     * `taskVoList` the 7-day cycle. Throws ApiError like every call; callers read a failure as
     * "status unknown" and fall back to the check-in's own answer.
     */
    async signStatus(authorization: string, memberId: string): Promise<SignStatusReply> {
      const query = new URLSearchParams({ memberId });
      const data = await requestJson(`${url(PATHS.signStatus)}?${query}`, { method: 'GET', headers: headers(authorization), observe }, (response) =>
        unwrap(response, signStatusSchema),
      );
      const week = (data.taskVoList ?? [])
        .map((cell) => ({ day: Number(cell.day), reward: Number(cell.awardIntegral ?? 0), complete: cell.complete === true }))
        .filter((cell) => Number.isInteger(cell.day) && cell.day >= 1 && cell.day <= 7)
        .sort((a, b) => a.day - b.day);
      return { signed: data.sign, streak: Number(data.count ?? 0), week };
    },

    /**
     * 邦豆 records (integralRecord/list): `status` 1 = earned, not yet claimed; 2 = the history.
     * Returns the page asked for (`index` from 1, `size` records; newest first, as the server orders
     * them) and the server's total count of records of that status.
     */
    async pointsRecords(
      authorization: string,
      memberId: string,
      status: 1 | 2,
      page: { index?: number; size?: number } = {},
    ): Promise<{ total: number; records: PointsRecord[] }> {
      const { index = 1, size = 50 } = page;
      const query = new URLSearchParams({ memberId, pageIndex: String(index), pageSize: String(size), isInvalid: '0', status: String(status) });
      const data = await requestJson(`${url(PATHS.pointsRecords)}?${query}`, { method: 'GET', headers: headers(authorization), observe }, (response) =>
        unwrap(response, pointsRecordsSchema),
      );
      const records = (data.records ?? []).map((record) => ({
        id: String(record.id),
        name: record.behaviourName ?? '',
        change: Number(record.integralChange ?? 0),
        ...(record.updateTime == null ? {} : { at: Number(record.updateTime) }),
      }));
      return { total: Number(data.total ?? records.length), records };
    },

    /** Claims every unclaimed 邦豆 record (一键领取, receive/all); JSON `{ memberId }`. */
    async claimAll(authorization: string, memberId: string): Promise<void> {
      await requestJson(
        url(PATHS.claimAll),
        { method: 'POST', headers: { ...headers(authorization), 'Content-Type': 'application/json' }, body: { memberId }, observe },
        (response) => unwrap(response, z.unknown()),
      );
    },

    /** 邦豆 points that expire before `before` (a China date, `YYYY-MM-DD`; the official page asks today + 7). */
    async expiringPoints(authorization: string, memberId: string, before: string): Promise<number> {
      const query = new URLSearchParams({ memberId, invalidTime: before });
      const data = await requestJson(`${url(PATHS.expiringPoints)}?${query}`, { method: 'GET', headers: headers(authorization), observe }, (response) =>
        unwrap(response, z.nullable(looseNumber)),
      );
      const points = Number(data ?? 0);
      return Number.isFinite(points) ? points : 0;
    },

    /** The refresh-token grant. It is form data, not JSON; the answer carries a rotated refresh token. */
    async refreshToken(refreshToken: string): Promise<TimesGrant> {
      const form = new URLSearchParams({
        grant_type: 'refresh_token',
        client_secret: 'times',
        client_id: 'app_c',
        scope: 'all',
        refresh_token: refreshToken,
      });
      return requestJson(url(PATHS.refresh), { method: 'POST', headers: headers(), body: form, observe }, (response) => unwrap(response, grantSchema));
    },
  };
}

export type TimesClient = ReturnType<typeof createTimesClient>;

// What the service's words mean, read from the meaning rather than one phrasing (issue 13): the API
// has no code for "already signed", and other versions of the service word it otherwise
// ("今天已经签到过了", "您今日已签过", "Already signed in"). "未签到" (not signed) matches nothing here.
const ALREADY_SIGNED =
  /(已经?|早已)\s*(完成)?\s*(签到|签过|签了|打卡|签(?=[\s，。！!,.;；、]|$))|重复签到|再次签到|签到过了|签到已经?(完成|成功)|already\s+(been\s+)?(signed|checked)|(signed|checked)[\s-]*in\s+already|duplicate\s+(sign|check)/i;
// A refusal about today's sign-in itself ("今日签到次数已用完"): the same answer would come at every retry.
const TODAYS_SIGN_IN = /(今日|今天|当日|当天|本日)[^，。,.;；]{0,6}签到|today'?s?\s+(sign|check)/i;
// …unless it asks to try again later.
const TRY_LATER = /稍后|重试|再试|繁忙|later|again|busy/i;

/** Whether a server message (of any envelope, whatever its code) says today is already signed. */
export function saysAlreadySigned(message: string | null | undefined): boolean {
  return !!message && ALREADY_SIGNED.test(message);
}

/**
 * A check-in refusal that means "already checked in today": an HTTP 409 (Conflict) whatever its body,
 * or a message that says so in a refusal or inside a 5xx envelope, whatever its code (the service
 * answers a second check-in with HTTP 500 `{"code":500,"message":"今日已签到，请勿重复签到"}`, public
 * bug reports of other check-in tools; others `{"code":400,"message":"今天已经签到过了"}`). A rejected
 * token is never one.
 */
export function isAlreadySignedError(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.kind === 'unauthorized') return false;
  return error.status === 409 || saysAlreadySigned(error.serverMessage);
}

/**
 * A refusal (the server answered and said no) whose words are about today's sign-in but not "already"
 * nor "try later": retrying it the day long would only get the same answer.
 */
export function isTodaysSignInRefusal(error: unknown): boolean {
  if (!(error instanceof ApiError) || error.kind !== 'rejected' || !error.serverMessage) return false;
  return TODAYS_SIGN_IN.test(error.serverMessage) && !TRY_LATER.test(error.serverMessage) && !saysAlreadySigned(error.serverMessage);
}
