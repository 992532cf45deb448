// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { engine } from '@/entrypoints/background/engine';
import { handleCommand } from '@/entrypoints/background/handlers';
import { pushSettingsItem, readPush } from '@/utils/extension/push-storage';
import { settingsItem } from '@/utils/extension/storage';
import { loginTimes, useMockApi } from '../../support';

// The worker's push (issue 12) over the real channels, against the mock's services: the options page's
// test command, and a re-login pushed once in the language set, with each channel's failure recorded.

const api = useMockApi();
const PHONE = '13412341234';

describe("the worker's push", () => {
  it('answers the test command with delivered, or why not, and never the key', async () => {
    const good = { id: 'c1', type: 'bark', url: `${api().url}/push/bark/k3yOfBark` };
    expect(await handleCommand({ type: 'push.test', channel: good })).toEqual({ ok: true, data: { ok: true } });
    expect(api().push.received('bark')[0]).toMatchObject({ title: '邻里签到：测试消息', body: '推送设置正确：签到提醒会发到这里。' });

    const refused = await handleCommand({ type: 'push.test', channel: { ...good, url: `${api().url}/push/bark/bad` } });
    expect(refused).toEqual({ ok: true, data: { ok: false, reason: { key: 'push.failure.refused', params: { code: 400 } } } });
    expect(await handleCommand({ type: 'push.test', channel: { ...good, type: 'carrier-pigeon' } })).toEqual({ ok: false, error: { key: 'error.badRequest' } });
  });

  it('pushes a re-login once to every channel, in the language set, and records a channel that failed', async () => {
    await settingsItem.setValue({ ...(await settingsItem.getValue()), language: 'en' });
    await pushSettingsItem.setValue({
      channels: [
        { id: 'ok', type: 'bark', url: `${api().url}/push/bark/k3yOfBark` },
        { id: 'down', type: 'wecom', url: `${api().url}/push/wecom/cgi-bin/webhook/send?key=bad` },
      ],
      digest: false,
    });
    const key = await loginTimes(api(), PHONE);
    api().times.expireAccessTokens();
    api().inject({ route: 'times.refresh', kind: 'status401' });

    await engine.runDue(Date.now());
    await engine.runDue(Date.now());
    await engine.checkIn(key, true).catch(() => undefined);
    await engine.runDue(Date.now());

    expect(api().push.received('bark').map((delivery) => [delivery.title, delivery.body])).toEqual([['Linli Check-in: log in again', 'The login of 134****1234 has ended. Please log in again.']]);
    const log = await readPush();
    expect(log.failures).toEqual({ down: { at: expect.any(Number), type: 'wecom', reason: { key: 'push.failure.refused', params: { code: 93000 } } } });
    expect(log.outbox).toEqual([]);
    expect(JSON.stringify(log)).not.toContain('k3yOfBark');
  });
});
