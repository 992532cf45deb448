import * as z from 'zod/mini';
import { pushChannelSchema } from '../push-schema';

// Every command a page may send the worker (see utils/extension/messages.ts), checked by the worker on arrival:
// it trusts no page. Kept apart from messages.ts so the pages don't carry it.

const text = z.string().check(z.maxLength(4096));

export const commandSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('times.sendCode'), phone: text }),
  z.object({ type: z.literal('times.login'), phone: text, code: text }),
  z.object({ type: z.literal('checkin.run'), key: text }),
  z.object({ type: z.literal('account.remove'), key: text }),
  z.object({ type: z.literal('account.rename'), key: text, nickname: z.string().check(z.maxLength(20)) }),
  z.object({ type: z.literal('points.claim'), key: text }),
  z.object({ type: z.literal('account.handoff'), key: text, passphrase: z.string().check(z.maxLength(256)) }),
  z.object({ type: z.literal('push.test'), channel: pushChannelSchema }),
  z.object({ type: z.literal('account.handoffBundle'), key: text }),
  z.object({ type: z.literal('account.handoffConfirm'), key: text }),
  z.object({ type: z.literal('account.handoffTakeBack'), key: text }),
  z.object({ type: z.literal('homing.getSmsCode'), mobile: text }),
  z.object({ type: z.literal('homing.loginBySmsCode'), mobile: text, mobileCode: text }),
  z.object({ type: z.literal('homing.login'), mobile: text, passwd: text, imgCode: z.optional(text) }),
  z.object({ type: z.literal('homing.refreshImageCode') }),
  z.object({ type: z.literal('homing.forgotGetSmsCode'), mobile: text }),
  z.object({ type: z.literal('homing.resetPassword'), mobile: text, mobileCode: text, passwd: text }),
  z.object({ type: z.literal('homing.zgtLogin'), token: text }),
  z.object({ type: z.literal('homing.logout'), key: text }),
]);
