import { chinaDateTime } from './china-time';
import type { MockApi } from './server';
import { TIMES_PATHS } from './times';

// Small fetch helpers for tests that drive the mock over real HTTP. They speak the documented
// protocol directly (not through the extension's client) so the mock is tested on its own.

export interface Answer {
  status: number;
  text: string;
  /** The parsed JSON body; undefined when the body is not JSON. */
  body: unknown;
  headers: Headers;
}

/** A nested value of a parsed JSON body, as a string ('' when absent or null). */
export function pick(value: unknown, ...keys: string[]): string {
  let current = value;
  for (const key of keys) current = typeof current === 'object' && current !== null ? Reflect.get(current, key) : undefined;
  return current === undefined || current === null ? '' : String(current);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}`, locale: 'zh_CN' });

/** Helpers bound to a mock; `getApi` is read on each call, so it may be started later (beforeAll). */
export function mockClient(getApi: () => MockApi) {
  async function call(path: string, init: RequestInit & { json?: unknown } = {}): Promise<Answer> {
    const { json, ...rest } = init;
    const headers = new Headers(rest.headers);
    if (json !== undefined) headers.set('Content-Type', 'application/json');
    const response = await fetch(getApi().url + path, {
      method: json !== undefined || rest.body ? 'POST' : 'GET',
      ...rest,
      headers,
      body: json !== undefined ? JSON.stringify(json) : rest.body,
    });
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: response.status, text, body, headers: response.headers };
  }

  /** Sends a code and logs in with it: the documented two-step SMS login. */
  async function timesLogin(phone: string) {
    await call(TIMES_PATHS.send, { json: { phoneNumber: phone, areaCode: '86' }, headers: { locale: 'zh_CN' } });
    const password = getApi().times.lastCode(phone);
    const login = await call(TIMES_PATHS.smsToken, {
      json: { grant_type: 'sms_code', scope: 'all', client_id: 'mini_charge', client_secret: 'times', username: phone, password, areaCode: '86' },
    });
    const grant = (key: string) => pick(login.body, 'data', 'authUserDTO', key);
    return { token: grant('token'), refresh: grant('refreshToken'), login };
  }

  /** The documented check-in body for `memberId` at China time of `now`. */
  function checkin(token: string, memberId: string, now = Date.now(), path: string = TIMES_PATHS.collect) {
    const time = chinaDateTime(now);
    const json = { behaviourId: 10, clientCode: 'sys_linlibang', createTime: time, mapPamater: { sign: time }, memberId };
    return call(path, { json, headers: bearer(token) });
  }

  /** The refresh grant as FormData (multipart, like the doc) or URLSearchParams (urlencoded). */
  function refreshForm(refreshToken: string, kind: 'multipart' | 'urlencoded' = 'multipart') {
    const fields = { grant_type: 'refresh_token', client_secret: 'times', client_id: 'app_c', scope: 'all', refresh_token: refreshToken };
    const form = kind === 'urlencoded' ? new URLSearchParams(fields) : new FormData();
    if (form instanceof FormData) for (const [key, value] of Object.entries(fields)) form.append(key, value);
    return call(TIMES_PATHS.refresh, { method: 'POST', body: form });
  }

  return { call, timesLogin, checkin, refreshForm };
}
