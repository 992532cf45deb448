import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { plantSecrets } from '../mock-api/planted-secrets';
import { loginByCode, storedTokens, useRunner } from './support';

// `diagnose` (issue 13): the built runner's log of its last exchanges with the service, printed on
// standard output, redacted: replies that quote every secret in every field leave none in the report
// or in the log file beside the state file.

const PHONE = '13412341234';
const runner = useRunner();
const diagnosticsFile = () => runner.state.replace(/\.json$/, '.diagnostics.json');
const COLLECT = '/times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect';
const STATUS = '/times/member-bff/task/api-c/v1/sign/task/list';

describe('runner: diagnose', () => {
  it('prints the last exchanges per account, with no secret the replies quoted', async () => {
    await loginByCode(runner, PHONE);
    const secrets = plantSecrets(runner.mock, {
      phone: PHONE,
      smsCode: runner.mock.times.lastCode(PHONE)!,
      memberId: runner.mock.times.memberId(PHONE),
      tokens: storedTokens(runner.state),
    });
    for (const secret of secrets) runner.secrets.add(secret);
    // The planted check-in answer fails the day; the forced run then checks in and reads the 邦豆.
    expect((await runner.run(['run'])).code).toBe(1);
    expect((await runner.run(['run', '--force'])).code).toBe(0);

    const result = await runner.run(['diagnose']);

    expect(result.code, result.stderr).toBe(0);
    const report = result.stdout;
    expect(report.split('\n')[0]).toMatch(/^Linli Check-in diagnostics · always-on runner · \d{4}-\d\d-\d\d \d\d:\d\d \(China time\)$/);
    expect(report).toMatch(/== times 134\*\*\*\*1234 · latest requests: \d+ ==/);
    expect(report).toMatch(/POST  \/times\/pub-center\/verifycode\/api\/v1\/send  200  code=200 .* ok/);
    expect(report).toMatch(new RegExp(`POST  ${COLLECT}  200  code=\\*\\*\\*  "手机 134\\*\\*\\*\\*1234 验证码 \\*+ 会员 \\*\\*\\* 令牌 .*  \\d+ms  rejected`));
    expect(report).toMatch(new RegExp(`GET   ${STATUS}  200  code=200 .* ok\\n    \\{code:number,data:\\{sign:boolean,.*note:string,echo:\\{mobile:string,`));
    expect(report).toMatch(/GET {3}\/times\/member-bff\/member\/api-c\/v1\/member\/integralRecord\/list {2}400 {2}"手机 134\*{4}1234 [^"]*" {2}\d+ms {2}rejected\n {4}\{error:string,error_description:string\}/);
    expect(report).toMatch(/GET {3}\/times\/member-bff\/member\/api-c\/v1\/member\/overdueIntegral {2}502 {2}\d+ms {2}server\n {4}text\(\d+\)/);
    const file = readFileSync(diagnosticsFile(), 'utf8');
    for (const secret of secrets) {
      expect(report.includes(secret), 'a secret was printed').toBe(false);
      expect(file.includes(secret), 'a secret was logged').toBe(false);
    }
  });

  it('keeps its log beside the state file (0600), leaving the state file as it was', async () => {
    await loginByCode(runner, PHONE);
    await runner.run(['run']);

    expect(statSync(diagnosticsFile()).mode & 0o777).toBe(0o600);
    const state = JSON.parse(readFileSync(runner.state, 'utf8'));
    expect(state.version).toBe(1);
    expect(Object.keys(state)).not.toContain('diagnostics');
  });

  it('says there is nothing yet, in the chosen language', async () => {
    const result = await runner.run(['diagnose'], { env: { LINLI_LANG: 'zh' } });
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('邻里签到诊断报告 · 常驻签到程序');
    expect(result.stdout.trim().split('\n').at(-1)).toBe('还没有与服务的往来记录。');
    expect(existsSync(diagnosticsFile())).toBe(false);
  });

  it('still prints the log when the state file is damaged, and with --quiet', async () => {
    await loginByCode(runner, PHONE);
    writeFileSync(runner.state, '{"format":"linli-checkin-state","vers');
    const result = await runner.run(['--quiet', 'diagnose']);
    expect(result.code).toBe(0);
    // Without the state the account is not known: its log is still shown, masked, and said to be so.
    expect(result.stdout).toMatch(/== times 134\*\*\*\*1234 \(not added\) · latest requests: 3 ==/);
  });
});
