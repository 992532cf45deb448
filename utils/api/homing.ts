import * as z from 'zod/mini';
import { ApiError, joinUrl, requestJson, type ApiErrorKind, type JsonResponse } from './http';
import type { ExchangeObserver } from './exchange';
import { text, type Text } from '../i18n/keys';
import {
  getSmsCodeForForgotPasswordReqSchema,
  getSmsCodeReqSchema,
  getSmsCodeResSchema,
  loginBySmsCodeReqSchema,
  loginBySmsCodeResSchema,
  loginReqSchema,
  loginResSchema,
  refreshImageCodeResSchema,
  resetPasswordWithSmsCodeReqSchema,
  zgtLoginByAuthCodeResSchema,
  type GetSmsCodeForForgotPasswordReq,
  type GetSmsCodeReq,
  type GetSmsCodeRes,
  type LoginBySmsCodeReq,
  type LoginBySmsCodeRes,
  type LoginReq,
  type LoginRes,
  type RefreshImageCodeRes,
  type ResetPasswordWithSmsCodeReq,
  type ZgtLoginByAuthCodeRes,
} from './homing-schemas';


// The Homing employee auth API (docs/api/homing-auth-sdk.txt). The document describes an SDK,
// not the wire: it shows no envelope, and deployments differ, so every answer is read as
// `{code: 0|200, data, msg|message}`, `{success, data, message}` or the bare data object.

export const HOMING_PATHS = {
  loginBySmsCode: '/v1/homing/auth/employee/login/mobile/switch',
  getSmsCode: '/v1/homing/auth/employee/login/get-mobile-code',
  // The document gives the password login no url; this is the login prefix the other calls share.
  login: '/v1/homing/auth/employee/login',
  logout: '/v1/homing/auth/employee/logout',
  refreshImageCode: '/v1/homing/auth/employee/login/refresh-vali-code',
  getSmsCodeForForgotPassword: '/v1/homing/auth/employee/forgot/get-mobile-code',
  resetPasswordWithSmsCode: '/v1/homing/auth/employee/forgot/update-passwd',
  zgtLogin: '/v1/homing/auth/customer/login/zgt/token',
} as const;

export const NO_BASE_URL = text('error.homingNoBaseUrl');
export const ZGT_TOKEN_REQUIRED = text('error.zgtTokenRequired');
const MALFORMED = text('error.malformed');

export class HomingApiError extends ApiError {
  override name = 'HomingApiError';
  /** The raw `valiCodeImg` the server sent with the error (it wants an image captcha next): render it only through captchaDataUrl. */
  readonly captcha?: string;

  constructor(
    kind: ApiErrorKind,
    /** Our words, or the server's own message (see ApiError). */
    message: Text | string,
    details: { status?: number; code?: number | string; data?: unknown; captcha?: string } = {},
  ) {
    super(kind, message, details.status, details.code, details.data);
    this.captcha = details.captcha;
  }
}

// --- Envelope ---

interface Envelope {
  ok: boolean;
  code?: number | string;
  message?: string;
  data: unknown;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const nonBlank = (value: unknown) => (typeof value === 'string' && value.trim() !== '' ? value : undefined);
const captchaOf = (value: unknown) => (isRecord(value) ? nonBlank(value.valiCodeImg) : undefined);
const OK_CODES = new Set(['0', '200']);

/** undefined when the body fits none of the envelopes (a JSON string, number or array). */
function readEnvelope(response: JsonResponse): Envelope | undefined {
  const { body, status } = response;
  const httpOk = status < 400;
  if (body === null) return { ok: httpOk, data: null };
  if (!isRecord(body)) return undefined;
  const code = typeof body.code === 'number' || typeof body.code === 'string' ? body.code : undefined;
  const message = nonBlank(body.msg) ?? nonBlank(body.message);
  if (typeof body.success === 'boolean') return { ok: httpOk && body.success, code, message, data: body.data };
  if (code !== undefined) return { ok: httpOk && OK_CODES.has(String(code).trim()), code, message, data: body.data };
  return { ok: httpOk, message: httpOk ? undefined : message, data: body };
}

function failure(response: JsonResponse, envelope: Envelope | undefined): HomingApiError {
  const { status } = response;
  const code = envelope?.code;
  // A business code 401 is the same rejected token as an HTTP 401 (the server answers logout so).
  const unauthorized = status === 401 || String(code).trim() === '401';
  const fallback = unauthorized
    ? text('error.unauthorized')
    : code !== undefined
      ? text('error.codeFailed', { code: String(code) })
      : text('error.httpFailed', { status });
  // A 5xx or 429 stays a passing failure even when it carries an envelope with the server's words.
  const kind = unauthorized ? 'unauthorized' : status >= 500 || status === 429 ? 'server' : 'rejected';
  return new HomingApiError(kind, envelope?.message ?? fallback, {
    status,
    code,
    data: envelope?.data,
    captcha: captchaOf(envelope?.data) ?? captchaOf(response.body),
  });
}

/** The data of a successful answer; throws HomingApiError for an error or an unreadable answer. */
function settle(response: JsonResponse): unknown {
  const envelope = readEnvelope(response);
  if (response.status === 401 || envelope?.ok === false) throw failure(response, envelope);
  if (!envelope) throw new HomingApiError('malformed', MALFORMED, { status: response.status });
  return envelope.data;
}

function parse<T>(response: JsonResponse, data: unknown, schema: z.ZodMiniType<T>): T {
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  // A "success" carrying only a captcha is the server asking for one (the document says login may
  // return valiCodeImg "in some scenarios"): show it rather than call the answer broken.
  const captcha = captchaOf(data);
  if (captcha) throw new HomingApiError('rejected', text('validation.captcha'), { status: response.status, data, captcha });
  throw new HomingApiError('malformed', MALFORMED, { status: response.status, data });
}

function requestBody<T extends Record<string, unknown>>(schema: z.ZodMiniType<T>, request: unknown): T {
  // Also drops fields the document does not list, so nothing unexpected leaves the browser.
  const parsed = schema.safeParse(request);
  if (!parsed.success) throw new HomingApiError('rejected', text('error.incompleteRequest'));
  return parsed.data;
}

// --- Client ---

export interface HomingClientOptions {
  /** The stored Homing token, sent by logout. */
  token?: () => string | undefined | Promise<string | undefined>;
  /** Told of every exchange (diagnostics, utils/api/exchange.ts). */
  observe?: ExchangeObserver;
}

export function createHomingClient(baseUrl: string, options: HomingClientOptions = {}) {
  /** One POST, its answer read by `read` (settle, then parse) inside the exchange, so diagnostics see how it was read. */
  async function post<T>(path: string, body: Record<string, unknown>, read: (response: JsonResponse) => T, authorization?: string): Promise<T> {
    if (!baseUrl.trim()) throw new HomingApiError('rejected', NO_BASE_URL);
    // Every official client sends the locale header; the captcha session lives in a cookie.
    const headers: Record<string, string> = authorization ? { locale: 'zh_CN', Authorization: authorization } : { locale: 'zh_CN' };
    try {
      return await requestJson(joinUrl(baseUrl.trim(), path), { method: 'POST', headers, body, withCookies: true, observe: options.observe }, read);
    } catch (error) {
      // The server answered, but not in JSON: that is Homing's answer, so it gets Homing's error
      // type. Network, timeout and 5xx stay the plain ApiError the worker retries on.
      if (!(error instanceof HomingApiError) && error instanceof ApiError && (error.kind === 'malformed' || error.kind === 'rejected')) {
        throw new HomingApiError(error.kind, error.serverMessage ?? error.text, { status: error.status, code: error.code, data: error.data });
      }
      throw error;
    }
  }

  function call<T>(path: string, body: Record<string, unknown>, schema: z.ZodMiniType<T>): Promise<T> {
    return post(path, body, (response) => parse(response, settle(response), schema));
  }

  /** For the calls the document lists no response for: whatever data a success carries is ignored,
   * since the server has already acted (a password reset must not be reported as failed). */
  async function done(path: string, body: Record<string, unknown>, authorization?: string): Promise<void> {
    await post(path, body, (response) => void settle(response), authorization);
  }

  return {
    async getSmsCode(req: GetSmsCodeReq): Promise<GetSmsCodeRes> {
      // The code has been sent even when a server leaves out the expiry: don't report a failure.
      return post(HOMING_PATHS.getSmsCode, requestBody(getSmsCodeReqSchema, req), (response) => parse(response, settle(response) ?? {}, getSmsCodeResSchema));
    },

    loginBySmsCode(req: LoginBySmsCodeReq): Promise<LoginBySmsCodeRes> {
      return call(HOMING_PATHS.loginBySmsCode, requestBody(loginBySmsCodeReqSchema, req), loginBySmsCodeResSchema);
    },

    login(req: LoginReq): Promise<LoginRes> {
      return call(HOMING_PATHS.login, requestBody(loginReqSchema, req), loginResSchema);
    },

    async logout(): Promise<void> {
      const stored = await options.token?.();
      if (!stored) throw new HomingApiError('unauthorized', text('error.notLoggedIn'));
      await done(HOMING_PATHS.logout, {}, `Bearer ${stored}`);
    },

    refreshImageCode(): Promise<RefreshImageCodeRes> {
      return call(HOMING_PATHS.refreshImageCode, {}, refreshImageCodeResSchema);
    },

    getSmsCodeForForgotPassword(req: GetSmsCodeForForgotPasswordReq): Promise<void> {
      return done(HOMING_PATHS.getSmsCodeForForgotPassword, requestBody(getSmsCodeForForgotPasswordReqSchema, req));
    },

    resetPasswordWithSmsCode(req: ResetPasswordWithSmsCodeReq): Promise<void> {
      return done(HOMING_PATHS.resetPasswordWithSmsCode, requestBody(resetPasswordWithSmsCodeReqSchema, req));
    },

    zgt: {
      /** `croods` is the 智桂通 App's container; a browser has none, so only the token path works. */
      async login(_croods: unknown, token?: string): Promise<ZgtLoginByAuthCodeRes> {
        if (!token?.trim()) throw new HomingApiError('rejected', ZGT_TOKEN_REQUIRED);
        return call(HOMING_PATHS.zgtLogin, { token: token.trim() }, zgtLoginByAuthCodeResSchema);
      },
    },
  };
}

export type HomingClient = ReturnType<typeof createHomingClient>;
