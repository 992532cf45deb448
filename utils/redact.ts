import { maskPhone } from './mask';

// What a diagnostics report may keep of a service's words (issue 13): the words, without anything that
// could be a secret or a person's number. A server message is kept because it is what explains a
// surprise ("今天已经签到过了"), but it may quote what it was sent or what it issued.

/** Shown where something was taken out. */
export const REDACTED = '***';

/** Sent values shorter than this are not looked for (a scope `all` would mask "allowed"). */
const SENT_MIN = 4;

const escape = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * `text` with, in this order: every value of `sent` (what the request carried: phone, SMS code,
 * password, tokens, member id) replaced by `***`; `data:` URLs (a captcha image) and JWTs replaced;
 * any run of 16+ token characters (`[A-Za-z0-9_+/=-]`) that holds a digit, or of 24+ any way, replaced
 * (tokens, base64, 19-digit ids); any run of 6+ printable ASCII characters holding a letter and a
 * digit replaced (a password by the services' own rule, utils/validation.ts; a key); then every run of
 * 4+ digits masked, a mobile number as `134****1234`, any other as one `*` per digit (SMS codes, ids).
 * Full-width digits count as digits. At most `max` characters (an ellipsis ends a cut text). Redacting
 * a redacted text changes nothing (`134****1234` stays as it is).
 */
export function redactText(text: string, sent: readonly string[] = [], max = 120): string {
  let out = text.replace(/[\uff10-\uff19]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
  for (const value of [...new Set(sent)].filter((value) => value.length >= SENT_MIN).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escape(value), 'g'), REDACTED);
  }
  out = out
    .replace(/data:\S*/gi, `data:${REDACTED}`)
    .replace(/eyJ[\w-]*(\.[\w-]*){1,2}/g, REDACTED)
    .replace(/[\w+/=-]{16,}/g, (run) => (run.length >= 24 || /\d/.test(run) ? REDACTED : run))
    // A password as the services require one (letters and digits, utils/validation.ts), a key, a code.
    .replace(/[!-~]{6,}/g, (run) => (/[a-z]/i.test(run) && /\d/.test(run) ? REDACTED : run))
    .replace(/(?<![\d*])\d{4,}/g, (digits) => (/^1[3-9]\d{9}$/.test(digits) ? maskPhone(digits) : '*'.repeat(digits.length)));
  return out.length > max ? `${out.slice(0, max - 1)}…` : out;
}
