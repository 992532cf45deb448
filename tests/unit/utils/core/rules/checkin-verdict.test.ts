import { describe, expect, it } from 'vitest';
import { ApiError } from '@/utils/api/http';
import { checkinVerdict, needsStatusAfter, postOutcomeOf, shouldPost, type Verdict, type VerdictInput } from '@/utils/core/rules/checkin-verdict';

const done: Verdict = { state: 'done', retry: false };
const already: Verdict = { state: 'already', retry: false };
const retry: Verdict = { state: 'failed', retry: true };
const final: Verdict = { state: 'failed', retry: false };
const relogin: Verdict = { state: 'failed', retry: false, relogin: true };

type Row = [VerdictInput['before'], boolean, VerdictInput['post'], VerdictInput['after'], Verdict];

// Every row: status before, our POST earlier today, the POST's outcome, status after → the verdict.
const rows: Row[] = [
  // The session is dead: nothing else matters.
  ['relogin', false, 'skipped', 'not-read', relogin],
  ['relogin', true, 'skipped', 'not-read', relogin],
  ['unsigned', false, 'relogin', 'not-read', relogin],
  ['unknown', true, 'relogin', 'not-read', relogin],
  // Signed before we asked: no POST; ours if our POST went out earlier today (a killed worker).
  ['signed', false, 'skipped', 'not-read', already],
  ['signed', true, 'skipped', 'not-read', done],
  // The POST signed the day: done, whatever the status says after.
  ['unsigned', false, 'signed', 'signed', done],
  ['unsigned', false, 'signed', 'unsigned', done],
  ['unsigned', false, 'signed', 'unknown', done],
  ['unknown', false, 'signed', 'unknown', done],
  // "Already signed" (data false, a 409, a 500 今日已签到, a 400 今天已经签到过了) right after the status
  // said "not signed": our own POST resent by the network stack, answered by the server's copy.
  ['unsigned', false, 'already', 'signed', done],
  ['unsigned', false, 'already', 'unsigned', done],
  ['unsigned', false, 'already', 'unknown', done],
  // "Already signed" without a status to compare: somebody else, unless our POST went out earlier.
  ['unknown', false, 'already', 'unknown', already],
  ['unknown', true, 'already', 'unknown', done],
  // The answer was lost (timeout, 5xx, …): the status says whether the server acted.
  ['unsigned', false, 'transient', 'signed', done],
  ['unknown', false, 'transient', 'signed', done],
  ['unsigned', false, 'transient', 'unsigned', retry],
  ['unsigned', false, 'transient', 'unknown', retry],
  ['unknown', false, 'transient', 'unknown', retry],
  ['unknown', true, 'transient', 'unknown', retry],
  // Refused for another reason: signed meanwhile (by us, when the status said "not signed" just
  // before; else by somebody else), or try again later.
  ['unsigned', false, 'rejected', 'signed', done],
  ['unknown', false, 'rejected', 'signed', already],
  ['unknown', true, 'rejected', 'signed', done],
  ['unsigned', false, 'rejected', 'unsigned', retry],
  ['unknown', false, 'rejected', 'unknown', retry],
  // A refusal about today's sign-in itself: no retry would change it.
  ['unknown', false, 'refused-today', 'unknown', final],
  ['unsigned', false, 'refused-today', 'unsigned', final],
  ['unsigned', false, 'refused-today', 'signed', done],
  ['unknown', false, 'refused-today', 'signed', already],
  // A POST that never went out decided nothing.
  ['unsigned', false, 'skipped', 'not-read', retry],
];

describe('the check-in verdict', () => {
  it.each(rows)('before %s, posted earlier %s, POST %s, after %s', (before, postedEarlier, post, after, verdict) => {
    expect(checkinVerdict({ before, postedEarlier, post, after })).toEqual(verdict);
  });

  it.each([
    ['signed', false],
    ['relogin', false],
    ['unsigned', true],
    ['unknown', true],
  ] as const)('POSTs when the status before is %s: %s', (before, expected) => {
    expect(shouldPost(before)).toBe(expected);
  });

  it.each([
    ['skipped', false],
    ['relogin', false],
    ['signed', true],
    ['already', true],
    ['transient', true],
    ['rejected', true],
    ['refused-today', true],
  ] as const)('reads the status after a POST that came to %s: %s', (post, expected) => {
    expect(needsStatusAfter(post)).toBe(expected);
  });
});

describe('the outcome of a POST that threw', () => {
  it.each<[string, unknown, boolean, string]>([
    ['a 500 with 今日已签到', new ApiError('server', '今日已签到，请勿重复签到', 500, 500), false, 'already'],
    ['a refusal saying 重复签到', new ApiError('rejected', '请勿重复签到', 200, 400), false, 'already'],
    ['a refusal saying 今天已经签到过了', new ApiError('rejected', '今天已经签到过了', 200, 400), false, 'already'],
    ['a refusal of another code saying 您今日已签过', new ApiError('rejected', '您今日已签过', 200, 'A0001'), false, 'already'],
    ['an English refusal', new ApiError('rejected', 'Already signed in today', 200, 1001), false, 'already'],
    ['a bare HTTP 409', new ApiError('server', '请求失败 (HTTP 409)', 409), false, 'already'],
    ['an HTTP 409 with an envelope', new ApiError('rejected', 'Conflict', 409, 409), false, 'already'],
    ['a refusal naming today\'s sign-in', new ApiError('rejected', '今日签到次数已达上限', 200, 400), false, 'refused-today'],
    ['a refusal naming today\'s sign-in that asks to try later', new ApiError('rejected', '今日签到人数过多，请稍后再试', 200, 400), false, 'rejected'],
    ['a refusal saying not signed', new ApiError('rejected', '今日未签到', 200, 400), false, 'refused-today'],
    ['a plain 500', new ApiError('server', '系统繁忙，请稍后再试', 500, 500), false, 'transient'],
    ['an HTML 502', new ApiError('server', '服务器暂时不可用 (HTTP 502)', 502), false, 'transient'],
    ['a timeout', new ApiError('timeout', '请求超时'), false, 'transient'],
    ['a lost connection', new ApiError('network', '网络连接失败'), false, 'transient'],
    ['a malformed answer', new ApiError('malformed', '无法识别'), false, 'transient'],
    ['an unknown error', new TypeError('x is undefined'), false, 'transient'],
    ['a refusal', new ApiError('rejected', '参数错误', 200, 400), false, 'rejected'],
    ['a rejected token after a good refresh', new ApiError('unauthorized', 'token 已失效', 401), false, 'transient'],
    ['a rejected token of an ended session', new ApiError('unauthorized', '登录已失效', 401), true, 'relogin'],
  ])('reads %s', (_name, error, sessionEnded, expected) => {
    expect(postOutcomeOf(error, sessionEnded)).toBe(expected);
  });
});
