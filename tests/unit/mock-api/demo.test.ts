// @vitest-environment node
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { chinaDate } from '../../mock-api/china-time';
import { DEMO_EMPLOYEE, DEMO_POINTS, demoSetup } from '../../mock-api/demo';
import { startMockApi, type MockApi } from '../../mock-api/server';
import { bearer, mockClient, pick } from '../../mock-api/test-client';
import { TIMES_PATHS } from '../../mock-api/times';
import { MEMBER_CENTRE_PATHS } from '../../mock-api/times-member';

// The mock as a person runs it to try the popup (issue 13): a Homing employee with a known password,
// and with --points, 邦豆 waiting to be claimed and about to expire for every resident.

const PHONE = '13412341234';
let api: MockApi | undefined;
afterEach(() => api?.close());

async function demoMock(points: boolean): Promise<MockApi> {
  const demo = demoSetup({ points });
  api = await startMockApi({ onEvent: (event) => demo.onEvent(event) });
  demo.start(api);
  return api;
}

describe('the hand-run mock', () => {
  it('knows the employee of its banner: the password login works at once', async () => {
    const mock = await demoMock(false);
    const { call } = mockClient(() => mock);
    const login = await call('/v1/homing/auth/employee/login', { json: { mobile: DEMO_EMPLOYEE.mobile, passwd: DEMO_EMPLOYEE.password } });
    expect(login.body).toMatchObject({ code: 0 });
  });

  it('with --points, a resident has 邦豆 waiting and expiring from the first code, and check-in rewards wait too', async () => {
    const mock = await demoMock(true);
    const { call, timesLogin, checkin } = mockClient(() => mock);
    const { token } = await timesLogin(PHONE);
    const memberId = mock.times.memberId(PHONE);
    const waiting = DEMO_POINTS.waiting.reduce((sum, record) => sum + record.points, 0);
    expect(mock.times.unclaimed(PHONE)).toBe(waiting);
    const inAWeek = new Date(Date.now() + 7 * 86_400_000);
    const expiring = await call(`${MEMBER_CENTRE_PATHS.expiringPoints}?memberId=${memberId}&invalidTime=${chinaDate(inAWeek.getTime())}`, { headers: bearer(token) });
    expect(pick(expiring.body, 'data')).toBe(String(DEMO_POINTS.expiring.points));

    await checkin(token, memberId);
    expect(mock.times.unclaimed(PHONE)).toBeGreaterThan(waiting);
    // A second code (a new login) seeds nothing more.
    await call(TIMES_PATHS.send, { json: { phoneNumber: PHONE, areaCode: '86' }, headers: { locale: 'zh_CN' } });
    expect(mock.times.records(PHONE, 1)).toHaveLength(DEMO_POINTS.waiting.length + 1);
  });

  it('without --points, a resident starts with none', async () => {
    const mock = await demoMock(false);
    await mockClient(() => mock).timesLogin(PHONE);
    expect(mock.times.unclaimed(PHONE)).toBe(0);
  });

  it('prints the employee and its password, and what --points gives, in its banner', async () => {
    const root = resolve(import.meta.dirname, '../../..');
    const child = spawn(process.execPath, [resolve(root, 'node_modules/vite-node/dist/cli.mjs'), 'tests/mock-api/cli.ts', '--port', '0', '--points'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    const lines: string[] = [];
    try {
      await new Promise<void>((done, fail) => {
        child.once('exit', (code) => fail(new Error(`the mock exited (${code}) before its banner ended`)));
        createInterface({ input: child.stdout! }).on('line', (line) => {
          lines.push(line);
          if (line.includes('Ctrl+C')) done();
        });
      });
    } finally {
      child.kill('SIGTERM');
    }
    const banner = lines.join('\n');
    expect(banner).toContain(`mobile ${DEMO_EMPLOYEE.mobile}, password ${DEMO_EMPLOYEE.password}`);
    expect(banner).toMatch(/--points: each resident gets 35 邦豆 waiting/);
    expect(banner).toMatch(/restarting it ends every session it issued/);
  }, 60_000);
});
