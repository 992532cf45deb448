import { text, type Text } from './i18n/keys';

// Input rules checked in the popup before anything is sent, and again by the worker before it calls a
// server (the worker trusts no page). Each answers with the words to show (a Text), or undefined.

export const PHONE_RULE = /^1\d{10}$/;
export const SMS_CODE_RULE = /^\d{4,8}$/;
export const CAPTCHA_RULE = /^[0-9A-Za-z]{1,8}$/;

export function phoneError(phone: string): Text | undefined {
  return PHONE_RULE.test(phone) ? undefined : text('validation.phone');
}

export function smsCodeError(code: string): Text | undefined {
  return SMS_CODE_RULE.test(code) ? undefined : text('validation.smsCode');
}

export function passwordError(passwd: string): Text | undefined {
  return passwd.length > 0 ? undefined : text('validation.password');
}

/** A new password: at least 8 characters with both letters and digits. */
export function newPasswordError(passwd: string): Text | undefined {
  if (passwd.length < 8 || !/[A-Za-z]/.test(passwd) || !/\d/.test(passwd)) return text('validation.newPassword');
  return undefined;
}

export function captchaError(typed: string): Text | undefined {
  return CAPTCHA_RULE.test(typed) ? undefined : text('validation.captcha');
}

export function zgtTokenError(token: string): Text | undefined {
  return token.trim().length > 0 ? undefined : text('validation.zgtToken');
}

/** The hand-off passphrase protects a live session in transit: at least 8 characters. */
export const PASSPHRASE_MIN = 8;

export function passphraseError(passphrase: string): Text | undefined {
  return passphrase.length >= PASSPHRASE_MIN ? undefined : text('validation.passphrase', { min: PASSPHRASE_MIN });
}
