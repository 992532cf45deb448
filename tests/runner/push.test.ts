import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GOTIFY_TOKEN, NTFY_TOKEN, PUSH_SECRET } from '../mock-api/push';
import type { PushService } from '../mock-api/server';
import { mockClient } from '../mock-api/test-client';
import { loginByCode, storedTokens, useRunner } from './support';

// The runner's push (issue 12), built and run as cron would run it, with Qinglong's notify variables
// pointed at the mock's stand-ins for each service: `notify-test`, a re-login pushed once whatever the
// number of runs, the daily summary with LINLI_DIGEST=1, push failures that change no exit code, and
// under Qinglong (QLAPI.notify) one message through it alone. No key is ever printed or stored.

const PHONE = '13412341234';
const runner = useRunner();

/** Keys the mock takes as good ones, distinctive enough to be looked for in every output. */
const KEYS = { bark: 'barkKey7Q2', wecom: 'wecomKey9X1', serverchan: 'SCTserverchan5T', pushplus: 'pushplusTok3', telegram: '700100:tgTok-8Z', webhook: 'hookKey4W' };

/** Every channel through Qinglong's names, at the mock. */
function everyChannel(): Record<string, string> {
  const push = `${runner.mock.url}/push`;
  return {
    BARK_PUSH: `${push}/bark/${KEYS.bark}`,
    QYWX_KEY: KEYS.wecom,
    QYWX_ORIGIN: `${push}/wecom`,
    DD_BOT_TOKEN: `${push}/dingtalk/robot/send?access_token=signed`,
    DD_BOT_SECRET: PUSH_SECRET,
    FSKEY: `${push}/feishu/open-apis/bot/v2/hook/signed`,
    FSSECRET: PUSH_SECRET,
    PUSH_KEY: `${push}/serverchan/${KEYS.serverchan}.send`,
    PUSH_PLUS_TOKEN: `${push}/pushplus/send?token=${KEYS.pushplus}`,
    TG_BOT_TOKEN: KEYS.telegram,
    TG_USER_ID: '42',
    TG_API_HOST: `${push}/telegram`,
    NTFY_URL: `${push}/ntfy`,
    NTFY_TOPIC: 'private',
    NTFY_TOKEN,
    GOTIFY_URL: `${push}/gotify`,
    GOTIFY_TOKEN,
    WEBHOOK_URL: `${push}/webhook/${KEYS.webhook}`,
    WEBHOOK_METHOD: 'POST',
    WEBHOOK_CONTENT_TYPE: 'application/json',
    WEBHOOK_BODY: 'title: $title\ncontent: $content',
  };
}

const SERVICES: PushService[] = ['bark', 'wecom', 'dingtalk', 'feishu', 'serverchan', 'pushplus', 'telegram', 'ntfy', 'gotify', 'webhook'];

function rememberSecrets(): void {
  for (const secret of [...Object.values(KEYS), PUSH_SECRET, GOTIFY_TOKEN, NTFY_TOKEN, '/push/']) runner.secrets.add(secret);
}

/** Ends the account's session at the service: its refresh token spent elsewhere, its access token expired. */
async function revokeSession(): Promise<void> {
  const [, refresh] = storedTokens(runner.state);
  await mockClient(() => runner.mock).refreshForm(refresh, 'urlencoded');
  runner.mock.times.expireAccessTokens();
}

/** What Qinglong's preload gives the scripts it runs: a global QLAPI.notify, here writing to a file. */
function qinglongEnv(): { env: Record<string, string>; sink: string } {
  const sink = join(dirname(runner.state), 'qlapi.txt');
  const preload = join(dirname(runner.state), 'qlapi.cjs');
  writeFileSync(sink, '');
  writeFileSync(preload, `global.QLAPI = { notify: async (title, text) => require('fs').appendFileSync(${JSON.stringify(sink)}, JSON.stringify([title, text]) + '\\n') };`);
  return { env: { NODE_OPTIONS: `--require ${preload}` }, sink };
}

const qinglongCalls = (sink: string): [string, string][] =>
  readFileSync(sink, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as [string, string]);

describe('runner: push', () => {
  it('notify-test: one test message to every channel set with Qinglong\'s names, exit 0', async () => {
    rememberSecrets();
    const result = await runner.run(['notify-test'], { env: { ...everyChannel(), LINLI_LANG: 'zh' } });
    expect(result.code, result.stderr).toBe(0);
    for (const service of SERVICES) {
      const received = runner.mock.push.received(service);
      expect(received, service).toHaveLength(1);
      expect(received[0].text, service).toContain('邻里签到：测试消息');
      expect(result.stdout).toContain(`推送成功：${service}`);
    }
    // Server酱 and PushPlus sent the title and body apart; the bots one text.
    expect(runner.mock.push.received('pushplus')[0]).toMatchObject({ title: '邻里签到：测试消息', body: '推送设置正确：签到提醒会发到这里。' });
    expect(runner.mock.push.stolen).toBe(0);
  });

  it('notify-test: exit 1 naming the channels that were not delivered, by type only', async () => {
    rememberSecrets();
    const push = `${runner.mock.url}/push`;
    const env = { ...everyChannel(), BARK_PUSH: `${push}/bark/bad`, PUSH_PLUS_TOKEN: `${push}/pushplus/send?token=redirect`, GOTIFY_TOKEN: 'wrong-token-6', LINLI_LANG: 'en' };
    runner.secrets.add('wrong-token-6');
    const result = await runner.run(['notify-test'], { env });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Push failed: bark \(The push service refused the message \(error code 400\)\)/);
    expect(result.stderr).toMatch(/Push failed: pushplus \(The push address redirects elsewhere/);
    expect(result.stderr).toMatch(/Push failed: gotify/);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Not delivered to: bark, pushplus, gotify');
    expect(runner.mock.push.received('wecom')).toHaveLength(1);
    expect(runner.mock.push.stolen).toBe(0);
  });

  it('notify-test: says so, exit 1, when no channel is set', async () => {
    const result = await runner.run(['notify-test']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/No push channel is set/);
  });

  it('pushes a re-login once to every channel, however many runs follow, and keeps no key in the state file', async () => {
    rememberSecrets();
    const env = everyChannel();
    await loginByCode(runner, PHONE);
    await revokeSession();

    expect((await runner.run(['run'], { env })).code).toBe(2);
    for (let again = 0; again < 2; again += 1) expect((await runner.run(['run'], { env })).code).toBe(2);

    for (const service of SERVICES) {
      const received = runner.mock.push.received(service);
      expect(received, service).toHaveLength(1);
      expect(received[0].text, service).toContain('Linli Check-in: log in again');
      expect(received[0].text, service).toContain('134****1234');
      expect(received[0].text, service).not.toContain(PHONE);
    }
    const file = readFileSync(runner.state, 'utf8');
    for (const secret of [...Object.values(KEYS), PUSH_SECRET, GOTIFY_TOKEN, NTFY_TOKEN, '/push/']) expect(file.includes(secret), 'a push key in the state file').toBe(false);
  });

  it('sends the daily summary once with LINLI_DIGEST=1, and a plain success without it sends nothing', async () => {
    rememberSecrets();
    const bark = { BARK_PUSH: `${runner.mock.url}/push/bark/${KEYS.bark}`, LINLI_LANG: 'zh' };
    await loginByCode(runner, PHONE);
    expect((await runner.run(['run'], { env: bark })).code).toBe(0);
    expect(runner.mock.push.received()).toEqual([]);

    await runner.run(['run', '--force'], { env: { ...bark, LINLI_DIGEST: '1' } });
    await runner.run(['run'], { env: { ...bark, LINLI_DIGEST: '1' } });
    const received = runner.mock.push.received('bark');
    expect(received).toHaveLength(1);
    expect(received[0].title).toBe('邻里签到：每日汇总');
    expect(received[0].body).toMatch(/^今日签到 1\/1 · 134\*\*\*\*1234 ✓ (\+\d+ )?连续 \d+ 天$/);
  });

  it('keeps the exit code of run whatever the push does, with one line naming the channel type', async () => {
    rememberSecrets();
    await loginByCode(runner, PHONE);
    const env = { BARK_PUSH: `${runner.mock.url}/push/bark/bad`, QYWX_KEY: KEYS.wecom, QYWX_ORIGIN: `${runner.mock.url}/push/wecom`, LINLI_DIGEST: '1' };
    const result = await runner.run(['run'], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.split('\n').filter((line) => line.includes('Push failed'))).toEqual(['Push failed: bark (The push service refused the message (error code 400))']);
    expect(runner.mock.push.received('wecom')).toHaveLength(1);
    expect(runner.mock.hits('times.collect')).toHaveLength(1);
  });

  it("under Qinglong, sends through QLAPI.notify alone: one message for a re-login, none to the channels themselves", async () => {
    rememberSecrets();
    const { env, sink } = qinglongEnv();
    await loginByCode(runner, PHONE);
    await revokeSession();
    const all = { ...everyChannel(), ...env };
    expect((await runner.run(['run'], { env: all })).code).toBe(2);
    expect((await runner.run(['run'], { env: all })).code).toBe(2);
    expect(qinglongCalls(sink)).toEqual([['Linli Check-in: log in again', 'The login of 134****1234 has ended. Please log in again.']]);
    expect(runner.mock.push.received()).toEqual([]);

    const tested = await runner.run(['notify-test'], { env: all });
    expect(tested.code).toBe(0);
    expect(tested.stdout).toContain('Push delivered: qinglong');
    expect(qinglongCalls(sink)).toHaveLength(2);
  });
});
