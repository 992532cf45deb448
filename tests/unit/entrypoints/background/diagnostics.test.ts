// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { engine } from '@/entrypoints/background/engine';
import { homingLogin } from '@/entrypoints/background/homing';
import { PATHS } from '@/utils/api/times';
import { HOMING_PATHS } from '@/utils/api/homing';
import { decodeLog, logName } from '@/utils/core/diagnostics';
import { readDiagnostics, readSecrets } from '@/utils/extension/storage';
import { loginTimes, useMockApi } from '../../support';

// The worker's diagnostics log (issue 13): the engine's exchanges with the mock, in storage.local,
// under the account they were for, without a token, a code or a full number in any of them.

const api = useMockApi();
const PHONE = '13412341234';

describe('the worker keeps a diagnostics log', () => {
  it('logs the login and the check-in under the account, with nothing secret in what it keeps', async () => {
    const key = await loginTimes(api());
    await engine.checkIn(key, true);
    await engine.diagnostics.flush();

    const logs = await readDiagnostics();
    expect(Object.keys(logs)).toEqual(['times 134****1234']);
    const log = decodeLog(logs[logName(key)]);
    expect(log.map((e) => `${e.method} ${e.path} ${e.status} ${e.reading}`)).toEqual(
      expect.arrayContaining([
        `POST ${PATHS.sendCode} 200 ok`,
        `POST ${PATHS.smsToken} 200 ok`,
        `GET ${PATHS.memberDetail} 200 ok`,
        `GET ${PATHS.signStatus} 200 ok`,
        `POST ${PATHS.collect} 200 done`,
      ]),
    );
    expect(log.find((e) => e.path === PATHS.smsToken)?.shape).toContain('authUserDTO:{');
    const kept = JSON.stringify(logs);
    const secret = (await readSecrets())[key];
    if (secret?.provider !== 'times') throw new Error('no session');
    for (const value of [secret.token, secret.refreshToken, api().times.lastCode(PHONE)!, PHONE, api().times.memberId(PHONE)]) {
      expect(kept.includes(value), 'a secret reached the log').toBe(false);
    }
  });

  it('logs a Homing password login under its mobile, without the password', async () => {
    api().homing.envelope = 'code0';
    const mobile = '13800138000';
    await homingLogin(mobile, 'Passw0rd2024').catch(() => undefined);
    await engine.diagnostics.flush();
    const log = decodeLog((await readDiagnostics())['homing 138****8000']);
    expect(log.map((e) => e.path)).toEqual([HOMING_PATHS.login]);
    expect(JSON.stringify(log)).not.toContain('Passw0rd2024');
  });
});
