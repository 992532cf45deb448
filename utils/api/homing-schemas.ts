import * as z from 'zod/mini';

// The Homing SDK document's request and response types (docs/api/homing-auth-sdk.txt), named as it
// names them, each from a zod schema. The client beside this file (homing.ts) parses every answer
// with them.

const maybe = <T extends z.ZodMiniType>(schema: T) => z.optional(z.nullable(schema));

function toSeconds(value: unknown): number | undefined {
  const seconds = typeof value === 'number' ? value : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value) ? Number(value) : NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds : undefined;
}
// `expireIn` is a string in the login answers and a number elsewhere (the document says so itself).
const optionalSeconds = z.optional(z.pipe(z.unknown(), z.transform(toSeconds)));
const requiredSeconds = z.pipe(
  z.union([z.number(), z.string()]).check(z.refine((value) => toSeconds(value) !== undefined)),
  z.transform((value: number | string) => Number(value)),
);
// The document types ids as number, but the services' ids can pass Number.MAX_SAFE_INTEGER and the
// lossless JSON parser then hands them over as digit strings: accept both, expose the exact string.
const id = z.pipe(
  z.union([z.int().check(z.nonnegative()), z.string().check(z.regex(/^\d{1,30}$/))]),
  z.transform((value: number | string) => String(value)),
);
const nonEmpty = z.string().check(z.minLength(1));

export const getSmsCodeReqSchema = z.object({ mobile: z.string() });
export type GetSmsCodeReq = z.infer<typeof getSmsCodeReqSchema>;
export const getSmsCodeResSchema = z.object({ expireIn: optionalSeconds });
export type GetSmsCodeRes = z.infer<typeof getSmsCodeResSchema>;

export const loginBySmsCodeReqSchema = z.object({
  mobile: z.string(),
  mobileCode: z.string(),
  socialUserId: z.optional(z.string()),
});
export type LoginBySmsCodeReq = z.infer<typeof loginBySmsCodeReqSchema>;
export const loginBySmsCodeResSchema = z.object({
  token: nonEmpty,
  userCode: z.string(),
  valiCodeImg: maybe(z.string()),
  expireIn: optionalSeconds,
});
export type LoginBySmsCodeRes = z.infer<typeof loginBySmsCodeResSchema>;

export const loginReqSchema = z.object({ mobile: z.string(), passwd: z.string(), imgCode: z.optional(z.string()) });
export type LoginReq = z.infer<typeof loginReqSchema>;
export const loginResSchema = loginBySmsCodeResSchema;
export type LoginRes = z.infer<typeof loginResSchema>;

export const refreshImageCodeResSchema = z.object({ valiCodeImg: z.string(), expireIn: optionalSeconds });
export type RefreshImageCodeRes = z.infer<typeof refreshImageCodeResSchema>;

export const getSmsCodeForForgotPasswordReqSchema = z.object({ mobile: z.string() });
export type GetSmsCodeForForgotPasswordReq = z.infer<typeof getSmsCodeForForgotPasswordReqSchema>;

export const resetPasswordWithSmsCodeReqSchema = z.object({ mobile: z.string(), mobileCode: z.string(), passwd: z.string() });
export type ResetPasswordWithSmsCodeReq = z.infer<typeof resetPasswordWithSmsCodeReqSchema>;

export const zgtLoginStatusSchema = z.enum(['success', 'fail', 'scanning', 'logging', 'write_questionnaire', 'need_add_info']);
export const zgtLoginByAuthCodeResSchema = z.object({
  token: nonEmpty,
  accountId: id,
  accountCode: z.string(),
  expireIn: requiredSeconds,
  loginStatus: zgtLoginStatusSchema,
  customerId: id,
  customerCode: z.string(),
  tenantCode: z.string(),
  // The document marks every field 必填, but the profile fields can't exist yet for the customers
  // the 'need_add_info' / 'write_questionnaire' statuses are about; requiring them would reject
  // exactly the logins that must go on to those steps. Only what a session needs is required.
  oldCustomerFlag: maybe(z.number()),
  lastLoginTime: maybe(z.string()),
  lastTestTime: maybe(z.number()),
  nickname: maybe(z.string()),
  realName: maybe(z.string()),
  avatar: maybe(z.string()),
  trueImg: maybe(z.string()),
  orgId: maybe(id),
  orgCode: maybe(z.string()),
  alreadyRegister: maybe(z.string()),
});
export type ZgtLoginByAuthCodeRes = z.infer<typeof zgtLoginByAuthCodeResSchema>;
