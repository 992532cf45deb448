// What the mock announces as it runs, so the CLI can print the codes a developer needs to log in by
// hand. Tests read the same values through `times.lastCode()` / `homing.captchaText()` instead.

export type MockEvent =
  | { type: 'sms'; service: 'times' | 'homing'; purpose: 'login' | 'forgot'; phone: string; code: string }
  | { type: 'captcha'; session: string; text: string };

export type EventSink = (event: MockEvent) => void;

/** `13412341234` → `134****1234`: logs must not carry whole phone numbers. */
export function maskPhone(phone: string): string {
  if (phone.length < 8) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
