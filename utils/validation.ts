// Input rules checked in the popup before anything is sent, and again by the worker before it calls a
// server (the worker trusts no page). Messages are in Chinese, the users' language.

export const PHONE_RULE = /^1\d{10}$/;
export const SMS_CODE_RULE = /^\d{4,8}$/;
export const CAPTCHA_RULE = /^[0-9A-Za-z]{1,8}$/;

export function phoneError(phone: string): string | undefined {
  return PHONE_RULE.test(phone) ? undefined : '请输入 11 位手机号（以 1 开头）';
}

export function smsCodeError(code: string): string | undefined {
  return SMS_CODE_RULE.test(code) ? undefined : '请输入 4–8 位数字验证码';
}

export function passwordError(passwd: string): string | undefined {
  return passwd.length > 0 ? undefined : '请输入密码';
}

/** A new password: at least 8 characters with both letters and digits. */
export function newPasswordError(passwd: string): string | undefined {
  if (passwd.length < 8 || !/[A-Za-z]/.test(passwd) || !/\d/.test(passwd)) {
    return '新密码至少 8 位，且须同时包含字母和数字';
  }
  return undefined;
}

export function captchaError(text: string): string | undefined {
  return CAPTCHA_RULE.test(text) ? undefined : '请输入图形验证码';
}

export function zgtTokenError(token: string): string | undefined {
  return token.trim().length > 0 ? undefined : '请输入智桂通 token';
}

/** The hand-off passphrase protects a live session in transit: at least 8 characters. */
export const PASSPHRASE_MIN = 8;

export function passphraseError(passphrase: string): string | undefined {
  return passphrase.length >= PASSPHRASE_MIN ? undefined : `口令至少 ${PASSPHRASE_MIN} 个字符`;
}
