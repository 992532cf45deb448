import { describe, expect, it } from 'vitest';
import type { Account, LoginDraft } from '@/utils/storage-schema';
import { DRAFT_CODE_MS, DRAFT_IDLE_MS, shouldResumeLogin } from '@/utils/views/login-draft';

// When the popup goes back to its unfinished login (issue 13): to read the SMS code, yes; after the
// login completed with the popup closed, or long after the form was left, no.

const NOW = Date.parse('2026-11-23T09:00:00+08:00');
const PHONE = '13412341234';
const draft = (patch: Partial<LoginDraft> = {}): LoginDraft => ({ open: true, provider: 'times', phone: PHONE, sent: {}, at: NOW - 60_000, ...patch });
const times = (session: 'active' | 'relogin'): Account => ({
  provider: 'times', key: `times:${PHONE}`, phone: PHONE, memberId: '1867395312345678901', server: 'https://times.test', session, addedAt: 0,
});
const homing: Account = { provider: 'homing', key: `homing:${PHONE}`, mobile: PHONE, userCode: 'E1', server: 'https://homing.test', via: 'sms', session: 'active', addedAt: 0 };
const sent = (at: number, phone = PHONE) => ({ 'times.sendCode': { phone, at } });

describe('shouldResumeLogin', () => {
  it.each<[string, LoginDraft, Account[], boolean]>([
    ['a closed form', draft({ open: false }), [], false],
    ['a form changed a minute ago', draft(), [], true],
    ['a form left alone past the idle time, no code sent', draft({ at: NOW - DRAFT_IDLE_MS - 1 }), [], false],
    ['a draft from before the times were kept', draft({ at: undefined }), [], false],
    ['a code sent to its phone 5 minutes ago, the form idle since', draft({ at: NOW - 20 * 60_000, sent: sent(NOW - 5 * 60_000) }), [], true],
    ['a code sent long ago', draft({ at: NOW - DRAFT_CODE_MS - 1, sent: sent(NOW - DRAFT_CODE_MS - 1) }), [], false],
    ['a code sent to another phone', draft({ at: NOW - DRAFT_IDLE_MS - 1, sent: sent(NOW - 60_000, '13500000000') }), [], false],
    ['a login sent, the account now active: it completed while the popup was closed', draft({ submittedAt: NOW - 30_000, sent: sent(NOW - 90_000) }), [times('active')], false],
    ['the same, typed as pasted', draft({ phone: '+86 134 1234 1234', submittedAt: NOW - 30_000 }), [times('active')], false],
    ['a login sent, the session still ended: it failed, the form comes back', draft({ submittedAt: NOW - 30_000, sent: sent(NOW - 90_000) }), [times('relogin')], true],
    ['no login sent yet for an active account (logging it in again)', draft({ sent: sent(NOW - 90_000) }), [times('active')], true],
    ['a Homing login sent, that employee now active', draft({ provider: 'homing', submittedAt: NOW - 30_000 }), [homing], false],
    ['a Times login sent, only the Homing account of that phone active', draft({ submittedAt: NOW - 30_000 }), [homing], true],
  ])('%s → %s', (_name, stored, accounts, resume) => {
    expect(shouldResumeLogin(stored, accounts, NOW)).toBe(resume);
  });
});
