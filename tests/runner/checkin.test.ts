import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chinaDate } from '../mock-api/china-time';
import { checkinTimeNotYetDue } from '../e2e/harness/flows';
import { mockClient } from '../mock-api/test-client';
import { loginByCode, readState, storedTokens, useRunner } from './support';

// The built runner against the mock API (issue 8): SMS login, status-first check-in once per China
// day, sessions rotated and kept across runs, a revoked session ending in a re-login without a loop.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const runner = useRunner();
const collects = () => runner.mock.hits('times.collect').length;

describe('runner: login and run', () => {
  it('logs in by SMS with the code typed on standard input, and keeps the session in a 0600 file', async () => {
    const { child, done } = runner.start(['login', '--phone', PHONE]);
    // The code only exists once the runner asked for it; the test reads it as the phone would.
    const code = await new Promise<string>((resolve) => {
      const poll = setInterval(() => {
        const sent = runner.mock.times.lastCode(PHONE);
        if (sent) resolve((clearInterval(poll), sent));
      }, 50);
    });
    child.stdin?.end(`${code}\n`);
    const result = await done;

    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('134****1234');
    expect(`${result.stdout}${result.stderr}`).not.toContain(PHONE);
    expect(statSync(runner.state).mode & 0o777).toBe(0o600);
    const state = readState(runner.state);
    expect(state.accounts).toEqual([expect.objectContaining({ key: KEY, session: 'active' })]);
    expect(storedTokens(runner.state)).toHaveLength(2);
  });

  it('checks in once on a China day: the second run sends no POST and still exits 0', async () => {
    await loginByCode(runner, PHONE);

    const first = await runner.run(['run']);
    const second = await runner.run(['run']);

    expect([first.code, second.code]).toEqual([0, 0]);
    expect(collects()).toBe(1);
    expect(runner.mock.times.checkins(PHONE).filter((c) => c.accepted)).toHaveLength(1);
    expect(readState(runner.state).checkins[KEY]).toMatchObject({ state: 'done', date: chinaDate(Date.now()) });
    expect(second.stdout).toMatch(/134\*\*\*\*1234: checked in today/);
  });

  it('waits for the check-in time, and checks in at once with --force', async () => {
    const env = { LINLI_CHECKIN_TIME: await checkinTimeNotYetDue() };
    await loginByCode(runner, PHONE);

    const waiting = await runner.run(['run'], { env });
    expect(waiting.code).toBe(0);
    expect(waiting.stdout).toMatch(/134\*\*\*\*1234: waiting, runs at \d\d-\d\d 23:59/);
    expect(collects()).toBe(0);

    const forced = await runner.run(['run', '--force'], { env });
    expect(forced.code, forced.stderr).toBe(0);
    expect(collects()).toBe(1);
    expect(readState(runner.state).checkins[KEY].state).toBe('done');
  });

  it('sends no POST on a day already signed elsewhere (the phone app), and records it as already', async () => {
    await loginByCode(runner, PHONE);
    runner.mock.times.signElsewhere(PHONE);

    const result = await runner.run(['run']);

    expect(result.code, result.stderr).toBe(0);
    expect(collects()).toBe(0);
    expect(readState(runner.state).checkins[KEY].state).toBe('already');
    const status = await runner.run(['status', '--json']);
    expect(JSON.parse(status.stdout)).toEqual([
      { key: KEY, phone: '134****1234', state: 'already', streak: expect.any(Number), points: expect.any(Number), nextAt: expect.any(Number) },
    ]);
  });

  it('refreshes the session ahead of expiry at each run, the rotated token on disk for the next run', async () => {
    // Tokens that live 2 s: every run after that must refresh first.
    runner.mock.times.accessTtlSeconds = 2;
    await loginByCode(runner, PHONE);
    const [, loginRefresh] = storedTokens(runner.state);

    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await runner.run(['run'])).code).toBe(0);
    const [, firstRotation] = storedTokens(runner.state);
    await new Promise((resolve) => setTimeout(resolve, 2_100));
    expect((await runner.run(['run', '--force'])).code).toBe(0);
    const [, secondRotation] = storedTokens(runner.state);

    const refreshes = runner.mock.hits('times.refresh');
    expect(refreshes).toHaveLength(2);
    // Each refresh sent the token the previous run stored: nothing spent was sent again. (Compared, never
    // printed: a failing expect shows its values.)
    const sent = refreshes.map((r) => new URLSearchParams(r.body).get('refresh_token'));
    expect(sent.map((token) => [token === loginRefresh, token === firstRotation])).toEqual([
      [true, false],
      [false, true],
    ]);
    expect(new Set([loginRefresh, firstRotation, secondRotation]).size).toBe(3);
    expect(runner.mock.times.revokedFamilies).toBe(0);
    expect(collects()).toBe(1);
  });

  it('stops at a revoked session: exit 2, the account marked for re-login, and no request on the next run', async () => {
    await loginByCode(runner, PHONE);
    // Somebody else spent the refresh token (a copy of the file run elsewhere): the next use is a reuse.
    const [, refresh] = storedTokens(runner.state);
    await mockClient(() => runner.mock).refreshForm(refresh, 'urlencoded');
    runner.mock.times.expireAccessTokens();

    const first = await runner.run(['run']);
    expect(first.code).toBe(2);
    expect(runner.mock.times.revokedFamilies).toBe(1);
    expect(readState(runner.state).accounts[0].session).toBe('relogin');
    expect(first.stderr.trim().split('\n').at(-1)).toMatch(/need a new login/);
    const requests = runner.mock.requests.length;

    const again = await runner.run(['run']);
    expect(again.code).toBe(2);
    expect(runner.mock.requests.length).toBe(requests);
    expect(collects()).toBe(0);
  });

  it('answers 2 with a reason when there is no account yet', async () => {
    const result = await runner.run(['run']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Log in first/);
  });

  it('speaks Chinese when the locale is Chinese, and English when LINLI_LANG says so', async () => {
    await loginByCode(runner, PHONE);
    const zh = await runner.run(['run'], { env: { LANG: 'zh_CN.UTF-8' } });
    expect(zh.stdout).toContain('134****1234：今日已签到');
    const en = await runner.run(['status'], { env: { LANG: 'zh_CN.UTF-8', LINLI_LANG: 'en' } });
    expect(en.stdout).toMatch(/134\*\*\*\*1234 {2}checked in/);
  });
});
