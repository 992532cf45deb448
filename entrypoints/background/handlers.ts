import { ApiError } from '@/utils/api/http';
import { commandSchema } from '@/utils/extension/command-schema';
import { text } from '@/utils/i18n/keys';
import type { Command, CommandOf, CommandType, Reply, ReplyData } from '@/utils/extension/messages';
import { engine } from './engine';
import { sendTestPush } from './push';
import {
  homingForgotGetSmsCode,
  homingGetSmsCode,
  homingLogin,
  homingLoginBySmsCode,
  homingLogout,
  homingRefreshImageCode,
  homingResetPassword,
  homingZgtLogin,
} from './homing';

type Handlers = { [T in CommandType]: (command: CommandOf<T>) => Promise<ReplyData[T]> };

// One handler per command (see utils/extension/messages.ts).
const handlers: Handlers = {
  'times.sendCode': async ({ phone }) => (await engine.timesSendCode(phone), { sent: true }),
  'times.login': async ({ phone, code }) => ({ key: await engine.timesLogin(phone, code) }),
  'checkin.run': async ({ key }) => ({ state: (await engine.checkIn(key, true))?.state ?? 'failed' }),
  'account.remove': async ({ key }) => (await engine.removeAccount(key), { removed: true }),
  'account.rename': async ({ key, nickname }) => (await engine.renameAccount(key, nickname), { renamed: true }),
  'points.claim': async ({ key }) => ({ claimed: await engine.claimPoints(key) }),
  'account.handoff': async ({ key, passphrase }) => ({ bundle: await engine.handOff(key, passphrase) }),
  'push.test': async ({ channel }) => {
    const outcome = await sendTestPush(channel);
    return outcome.ok ? { ok: true } : { ok: false, reason: outcome.reason };
  },
  'account.handoffBundle': async ({ key }) => ({ bundle: await engine.handoffBundle(key) }),
  'account.handoffConfirm': async ({ key }) => (await engine.confirmHandoff(key), { confirmed: true }),
  'account.handoffTakeBack': async ({ key }) => ({ session: await engine.takeBack(key) }),
  'homing.getSmsCode': ({ mobile }) => homingGetSmsCode(mobile),
  'homing.loginBySmsCode': ({ mobile, mobileCode }) => homingLoginBySmsCode(mobile, mobileCode),
  'homing.login': ({ mobile, passwd, imgCode }) => homingLogin(mobile, passwd, imgCode),
  'homing.refreshImageCode': () => homingRefreshImageCode(),
  'homing.forgotGetSmsCode': ({ mobile }) => homingForgotGetSmsCode(mobile),
  'homing.resetPassword': ({ mobile, mobileCode, passwd }) => homingResetPassword(mobile, mobileCode, passwd),
  'homing.zgtLogin': ({ token }) => homingZgtLogin(token),
  'homing.logout': ({ key }) => homingLogout(key),
};

/**
 * Validates a message from a page and runs it; every failure becomes a reply with the words to show
 * (a message key and its values: the page words them in its language).
 */
export async function handleCommand(message: unknown): Promise<Reply> {
  const parsed = commandSchema.safeParse(message);
  if (!parsed.success) return { ok: false, error: text('error.badRequest') };
  const command: Command = parsed.data;
  try {
    const run = handlers[command.type] as (command: Command) => Promise<ReplyData[CommandType]>;
    return { ok: true, data: await run(command) };
  } catch (error) {
    if (error instanceof ApiError) {
      const captcha = 'captcha' in error && typeof error.captcha === 'string' ? error.captcha : undefined;
      return { ok: false, error: error.text, ...(captcha ? { captcha } : {}) };
    }
    return { ok: false, error: text('error.unexpected') };
  }
}
