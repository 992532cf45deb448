import { ApiError } from '@/utils/api/http';
import { createHomingClient } from '@/utils/api/homing';
import { type ZgtLoginByAuthCodeRes } from '@/utils/api/homing-schemas';
import { refuseInvalid } from '@/utils/core/accounts';
import { NO_ACCOUNT } from '@/utils/core/diagnostics';
import { text, type Text } from '@/utils/i18n/keys';
import { notifyOnce } from '@/utils/core/notices';
import { displayName } from '@/utils/account-name';
import { readAccounts, readSecrets, readSettings, updateAccounts } from '@/utils/extension/storage';
import { type HomingAccount } from '@/utils/storage-schema';
import { newPasswordError, passwordError, phoneError, smsCodeError, zgtTokenError } from '@/utils/validation';
import { engine, enginePorts } from './engine';

// The Homing employee auth commands. Homing has no refresh grant: an expired session is marked
// `expired` (one notification) and the user logs in again.

export const homingKey = (id: string) => `homing:${id}`;

/**
 * The configured Homing server: its client, and its URL, which a new session is bound to. Its exchanges
 * go to the diagnostics log of `key` (the account a mobile number makes; NO_ACCOUNT when none is known).
 */
async function homing(key = NO_ACCOUNT) {
  const { homingBaseUrl } = await readSettings();
  return { client: createHomingClient(homingBaseUrl, { observe: engine.diagnostics.observe(key) }), baseUrl: homingBaseUrl };
}
const configuredClient = async (key?: string) => (await homing(key)).client;

interface HomingLogin {
  token: string;
  userCode: string;
  expireIn?: number;
}

/**
 * `expireIn` is a duration in seconds in every answer seen, but the SDK calls it 令牌过期时间 (expiry
 * time): a value that can only be an epoch time (seconds or milliseconds) is read as one.
 */
export function homingExpiresAt(expireIn: number | undefined, now: number): number | undefined {
  if (!expireIn) return undefined;
  if (expireIn > 1e12) return expireIn;
  if (expireIn > 1e9) return expireIn * 1000;
  return now + expireIn * 1000;
}

/** Stores a session bound to the server that issued it (the settings may have changed meanwhile). */
async function store(baseUrl: string, id: string, mobile: string, via: HomingAccount['via'], login: HomingLogin): Promise<string> {
  const key = homingKey(id);
  const now = Date.now();
  await engine.saveAccount(key, { provider: 'homing', baseUrl, token: login.token }, (previous) => ({
    provider: 'homing',
    key,
    mobile,
    userCode: login.userCode,
    server: new URL(baseUrl).origin,
    via,
    expiresAt: homingExpiresAt(login.expireIn, now),
    session: 'active',
    addedAt: previous?.addedAt ?? now,
  }));
  return key;
}

export async function homingGetSmsCode(mobile: string) {
  refuseInvalid(phoneError(mobile));
  const res = await (await configuredClient(homingKey(mobile))).getSmsCode({ mobile });
  return { expireIn: res.expireIn };
}

export async function homingLoginBySmsCode(mobile: string, mobileCode: string) {
  refuseInvalid(phoneError(mobile) ?? smsCodeError(mobileCode));
  const { client, baseUrl } = await homing(homingKey(mobile));
  const res = await client.loginBySmsCode({ mobile, mobileCode });
  return { key: await store(baseUrl, mobile, mobile, 'sms', res) };
}

export async function homingLogin(mobile: string, passwd: string, imgCode?: string) {
  refuseInvalid(phoneError(mobile) ?? passwordError(passwd));
  const { client, baseUrl } = await homing(homingKey(mobile));
  const res = await client.login({ mobile, passwd, ...(imgCode ? { imgCode } : {}) });
  return { key: await store(baseUrl, mobile, mobile, 'password', res) };
}

export async function homingRefreshImageCode() {
  const res = await (await configuredClient()).refreshImageCode();
  return { captcha: res.valiCodeImg };
}

export async function homingForgotGetSmsCode(mobile: string) {
  refuseInvalid(phoneError(mobile));
  await (await configuredClient(homingKey(mobile))).getSmsCodeForForgotPassword({ mobile });
  return { sent: true as const };
}

export async function homingResetPassword(mobile: string, mobileCode: string, passwd: string) {
  refuseInvalid(phoneError(mobile) ?? smsCodeError(mobileCode) ?? newPasswordError(passwd));
  await (await configuredClient(homingKey(mobile))).resetPasswordWithSmsCode({ mobile, mobileCode, passwd });
  return { reset: true as const };
}

// Only `success` is a finished login; every other status needs a step a browser can't take.
const ZGT_STATUS_MESSAGES: Record<Exclude<ZgtLoginByAuthCodeRes['loginStatus'], 'success'>, Text> = {
  fail: text('error.zgt.fail'),
  scanning: text('error.zgt.scanning'),
  logging: text('error.zgt.logging'),
  write_questionnaire: text('error.zgt.writeQuestionnaire'),
  need_add_info: text('error.zgt.needAddInfo'),
};

/** 智桂通: a browser has no croods container, so only the documented token path is offered. */
export async function homingZgtLogin(token: string) {
  refuseInvalid(zgtTokenError(token));
  const { client, baseUrl } = await homing();
  const res = await client.zgt.login(undefined, token.trim());
  if (res.loginStatus !== 'success') throw new ApiError('rejected', ZGT_STATUS_MESSAGES[res.loginStatus]);
  return { key: await store(baseUrl, res.accountCode, '', 'zgt', { token: res.token, userCode: res.accountCode, expireIn: res.expireIn }) };
}

/** Logs out at the server, then deletes the local session even when the server call failed. */
export async function homingLogout(key: string) {
  const secret = (await readSecrets())[key];
  let serverLoggedOut = false;
  if (secret?.provider === 'homing') {
    try {
      // To the server that issued the token, whatever the settings say now.
      await createHomingClient(secret.baseUrl, { token: () => secret.token, observe: engine.diagnostics.observe(key) }).logout();
      serverLoggedOut = true;
    } catch {
      // The session is deleted here all the same; the reply says the server did not confirm.
    }
  }
  await engine.removeAccount(key);
  return { serverLoggedOut };
}

/** Marks Homing sessions whose expiry has passed as expired, with one notification each. */
export async function expireHomingSessions(now: number): Promise<void> {
  const expired = (await readAccounts()).filter(
    (a): a is HomingAccount => a.provider === 'homing' && a.session === 'active' && a.expiresAt !== undefined && a.expiresAt <= now,
  );
  if (expired.length === 0) return;
  const keys = new Set(expired.map((a) => a.key));
  await updateAccounts((accounts) => accounts.map((a) => (keys.has(a.key) && a.provider === 'homing' ? { ...a, session: 'expired' } : a)));
  for (const account of expired) {
    await notifyOnce(enginePorts, `expired:${account.key}`, { kind: 'homing-expired', account: displayName(account) });
  }
}
