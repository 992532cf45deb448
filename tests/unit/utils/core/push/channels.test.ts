// @vitest-environment node
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dingtalk } from '@/utils/core/push/dingtalk';
import { feishu } from '@/utils/core/push/feishu';
import { sendToChannels } from '@/utils/core/push/send';
import type { PushChannel } from '@/utils/push-schema';
import { GOTIFY_TOKEN, NTFY_TOKEN, PUSH_SECRET } from '../../../../mock-api/push';
import { startMockApi, type MockApi, type PushService } from '../../../../mock-api/server';

// Each channel against the mock's stand-in for its service (tests/mock-api/push.ts): the request it
// sends, the reply it reads (a 200 whose body says error is a failure), no redirect followed, the
// timeout, and never a key in an outcome.

const MESSAGE = { title: '邻里签到：需要重新登录', body: '账号 妈妈 的登录已失效，请重新登录。\n第二行', group: '邻里签到' };
const NOW = Date.parse('2026-11-24T00:30:00Z');

let mock: MockApi;
beforeAll(async () => {
  mock = await startMockApi();
});
beforeEach(() => mock.reset());
afterAll(() => mock.close());

/** A channel of `type` whose key (token, topic) is `key`, pointed at the mock. */
function channelFor(type: PushService, key: string, extra: Partial<PushChannel> = {}): PushChannel {
  const base = `${mock.url}/push`;
  const url: Record<PushService, string> = {
    bark: `${base}/bark/${key}`,
    wecom: `${base}/wecom/cgi-bin/webhook/send?key=${key}`,
    dingtalk: `${base}/dingtalk/robot/send?access_token=${key}`,
    feishu: `${base}/feishu/open-apis/bot/v2/hook/${key}`,
    serverchan: `${base}/serverchan/${key}.send`,
    pushplus: `${base}/pushplus/send?token=${key}`,
    telegram: `123456:${key}`,
    ntfy: `${base}/ntfy/${key}`,
    gotify: `${base}/gotify`,
    webhook: `${base}/webhook/${key}`,
  };
  const extras: Partial<Record<PushService, Partial<PushChannel>>> = {
    telegram: { chatId: '42', apiHost: `${base}/telegram` },
    gotify: { token: key === 'good' ? GOTIFY_TOKEN : key },
    webhook: { body: '{"title":"$title","text":"$content"}' },
  };
  return { id: `${type}-1`, type, url: url[type], ...extras[type], ...extra };
}

const send = (channel: PushChannel, timeoutMs?: number) => sendToChannels([channel], MESSAGE, { now: () => NOW, timeoutMs }).then(([outcome]) => outcome);

const TYPES: PushService[] = ['bark', 'wecom', 'dingtalk', 'feishu', 'serverchan', 'pushplus', 'telegram', 'ntfy', 'gotify', 'webhook'];

describe('delivering to each service', () => {
  it.each(TYPES)('%s: the service takes the title and the body, and the outcome says delivered', async (type) => {
    const outcome = await send(channelFor(type, 'good'));
    expect(outcome).toEqual({ id: `${type}-1`, type, ok: true });
    const [delivery] = mock.push.received(type);
    expect(delivery.text).toContain(MESSAGE.title);
    expect(delivery.text).toContain('账号 妈妈 的登录已失效');
  });

  it.each([
    ['bark', 'push.failure.refused', { code: 400 }],
    ['wecom', 'push.failure.refused', { code: 93000 }],
    ['dingtalk', 'push.failure.refused', { code: 300001 }],
    ['feishu', 'push.failure.refused', { code: 19001 }],
    ['serverchan', 'push.failure.refused', { code: 40001 }],
    ['pushplus', 'push.failure.refused', { code: 903 }],
    ['telegram', 'push.failure.refused', { code: 401 }],
    ['ntfy', 'push.failure.refused', { code: 40010 }],
    ['gotify', 'push.failure.refused', { code: 401 }],
    ['webhook', 'push.failure.http', { status: 500 }],
  ] as const)('%s: a refused key is a failed delivery with the service code, never the key', async (type, key, params) => {
    const outcome = await send(channelFor(type, 'bad'));
    expect(outcome).toEqual({ id: `${type}-1`, type, ok: false, reason: { key, params } });
    expect(mock.push.received(type)).toEqual([]);
  });

  it.each(TYPES)('%s: a redirect is a failed delivery, never followed', async (type) => {
    const outcome = await send(channelFor(type, 'redirect'));
    expect(outcome).toMatchObject({ ok: false, reason: { key: 'push.failure.redirect' } });
    expect(mock.push.stolen).toBe(0);
  });

  it.each(['bark', 'wecom', 'telegram', 'gotify'] as const)('%s: an HTML error page is a failure by status', async (type) => {
    expect(await send(channelFor(type, 'http500'))).toMatchObject({ ok: false, reason: { key: 'push.failure.http', params: { status: 500 } } });
  });

  it('reads a 200 that is not the service\'s JSON as a failure', async () => {
    mock.inject({ route: 'push.wecom', kind: 'malformed' });
    expect(await send(channelFor('wecom', 'good'))).toMatchObject({ ok: false, reason: { key: 'push.failure.malformed' } });
  });

  it('gives up on a service that does not answer within the timeout, and the others are delivered meanwhile', async () => {
    const started = Date.now();
    const outcomes = await sendToChannels([channelFor('bark', 'hang'), channelFor('wecom', 'good')], MESSAGE, { timeoutMs: 300 });
    expect(outcomes).toEqual([
      { id: 'bark-1', type: 'bark', ok: false, reason: { key: 'push.failure.timeout' } },
      { id: 'wecom-1', type: 'wecom', ok: true },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(mock.push.received('wecom')).toHaveLength(1);
  });

  it('sends a key to no address but https (or http to this computer), and says so', async () => {
    const outcomes = await sendToChannels(
      [
        { id: 'a', type: 'bark', url: 'http://push.example.com/KEY' },
        { id: 'b', type: 'wecom', url: 'ftp://qyapi.example.com/send?key=K' },
        { id: 'c', type: 'telegram', url: '123456:token', chatId: '1', apiHost: 'http://relay.example.com' },
        { id: 'd', type: 'bark', url: 'https://user:pass@api.day.app/KEY' },
      ],
      MESSAGE,
    );
    expect(outcomes.map((outcome) => !outcome.ok && outcome.reason.key)).toEqual(Array(4).fill('push.failure.address'));
  });

  it('says a channel is incomplete without sending anything: a Telegram chat, a Gotify token', async () => {
    const outcomes = await sendToChannels([channelFor('telegram', 'good', { chatId: '' }), { id: 'g', type: 'gotify', url: `${mock.url}/push/gotify` }], MESSAGE);
    expect(outcomes.map((outcome) => !outcome.ok && outcome.reason.key)).toEqual(['push.failure.incomplete', 'push.failure.incomplete']);
    expect(mock.requests).toEqual([]);
  });

  it('never rejects, whatever the channels, and no outcome carries an address or a key', async () => {
    const channels = TYPES.flatMap((type) => ['good', 'bad', 'redirect', 'http500'].map((key) => channelFor(type, `${key}`)));
    const outcomes = await sendToChannels(channels, MESSAGE, { timeoutMs: 2_000 });
    expect(outcomes).toHaveLength(channels.length);
    const said = JSON.stringify(outcomes);
    for (const secret of [mock.url, '127.0.0.1', GOTIFY_TOKEN, '123456:']) expect(said.includes(secret), secret).toBe(false);
  });
});

describe('what each service receives', () => {
  const lastRequest = (route: string) => mock.hits(route).at(-1)!;

  it('bark: JSON title, body and group to the key URL; the key alone means api.day.app', async () => {
    await send(channelFor('bark', 'good'));
    expect(JSON.parse(lastRequest('push.bark').body)).toEqual({ title: MESSAGE.title, body: MESSAGE.body, group: MESSAGE.group });
    const { bark } = await import('@/utils/core/push/bark');
    expect(bark.endpoint({ id: 'b', type: 'bark', url: 'AbCd1234' }).href).toBe('https://api.day.app/AbCd1234');
    expect(bark.endpoint({ id: 'b', type: 'bark', url: 'https://bark.example.com/AbCd1234/' }).href).toBe('https://bark.example.com/AbCd1234');
  });

  it('wecom and dingtalk: a text message of the title, a blank line and the body', async () => {
    await send(channelFor('wecom', 'good'));
    await send(channelFor('dingtalk', 'good'));
    for (const route of ['push.wecom', 'push.dingtalk']) {
      expect(JSON.parse(lastRequest(route).body)).toEqual({ msgtype: 'text', text: { content: `${MESSAGE.title}\n\n${MESSAGE.body}` } });
    }
  });

  it('serverchan: a form of title and desp, line breaks doubled for its markdown; keys go to their hosts', async () => {
    await send(channelFor('serverchan', 'SCTgood'));
    const form = new URLSearchParams(lastRequest('push.serverchan').body);
    expect(lastRequest('push.serverchan').headers['content-type']).toMatch(/^application\/x-www-form-urlencoded/);
    expect([form.get('title'), form.get('desp')]).toEqual([MESSAGE.title, MESSAGE.body.replace('\n', '\n\n')]);
    const { serverchan } = await import('@/utils/core/push/serverchan');
    expect(serverchan.endpoint({ id: 's', type: 'serverchan', url: 'SCT12345abc' }).href).toBe('https://sctapi.ftqq.com/SCT12345abc.send');
    expect(serverchan.endpoint({ id: 's', type: 'serverchan', url: 'sctp8765tAbc' }).href).toBe('https://8765.push.ft07.com/send/sctp8765tAbc.send');
  });

  it('pushplus: JSON with the token in the body, not the address, over https by default', async () => {
    await send(channelFor('pushplus', 'good'));
    const request = lastRequest('push.pushplus');
    expect(request.path).toBe('/push/pushplus/send');
    expect(JSON.parse(request.body)).toEqual({ token: 'good', title: MESSAGE.title, content: MESSAGE.body, template: 'txt' });
    const { pushplus } = await import('@/utils/core/push/pushplus');
    expect(pushplus.endpoint({ id: 'p', type: 'pushplus', url: 'abc123' }).href).toBe('https://www.pushplus.plus/send');
  });

  it('telegram: sendMessage to the chat through the API host given', async () => {
    await send(channelFor('telegram', 'good'));
    const request = lastRequest('push.telegram');
    expect(request.path).toBe('/push/telegram/bot123456:good/sendMessage');
    expect(JSON.parse(request.body)).toEqual({ chat_id: '42', text: `${MESSAGE.title}\n\n${MESSAGE.body}`, disable_web_page_preview: true });
  });

  it('ntfy: the body as the message, the title in an RFC 2047 header, a token as Bearer', async () => {
    expect(await send(channelFor('ntfy', 'private'))).toMatchObject({ ok: false, reason: { key: 'push.failure.refused', params: { code: 40301 } } });
    expect(await send(channelFor('ntfy', 'private', { token: NTFY_TOKEN }))).toMatchObject({ ok: true });
    const request = lastRequest('push.ntfy');
    expect(request.body).toBe(MESSAGE.body);
    expect(request.headers.title).toBe(`=?UTF-8?B?${Buffer.from(MESSAGE.title).toString('base64')}?=`);
    expect(mock.push.received('ntfy')[0].title).toBe(MESSAGE.title);
  });

  it('gotify: JSON to <server>/message, the token in X-Gotify-Key and not in the address', async () => {
    await send(channelFor('gotify', 'good'));
    const request = lastRequest('push.gotify');
    expect(request.path).toBe('/push/gotify/message');
    expect(request.headers['x-gotify-key']).toBe(GOTIFY_TOKEN);
    expect(JSON.parse(request.body)).toMatchObject({ title: MESSAGE.title, message: MESSAGE.body });
  });

  it.each([
    ['a JSON template', { body: '{"msg":"$title","detail":"$content"}' }, 'application/json', (raw: string) => JSON.parse(raw), { msg: MESSAGE.title, detail: MESSAGE.body }],
    ["Qinglong's key: value lines as JSON", { body: 'title: $title\ncontent: $content\nlevel: 3' }, 'application/json', (raw: string) => JSON.parse(raw), { title: MESSAGE.title, content: MESSAGE.body, level: 3 }],
    [
      'a form',
      { body: 'title: $title\ncontent: $content', contentType: 'application/x-www-form-urlencoded' },
      'application/x-www-form-urlencoded',
      (raw: string) => Object.fromEntries(new URLSearchParams(raw)),
      { title: MESSAGE.title, content: MESSAGE.body },
    ],
    ['plain text', { body: '$title: $content', contentType: 'text/plain' }, 'text/plain', (raw: string) => raw, `${MESSAGE.title}: ${MESSAGE.body}`],
  ] as const)('webhook: %s, with the header lines given', async (_name, extra, contentType, read, expected) => {
    const outcome = await send(channelFor('webhook', 'good', { ...extra, headers: 'X-Family: ours\nAuthorization: Bearer hook-secret' }));
    expect(outcome.ok).toBe(true);
    const request = lastRequest('push.webhook');
    expect(request.headers['content-type']).toMatch(new RegExp(`^${contentType}`));
    expect(request.headers['x-family']).toBe('ours');
    expect(request.headers.authorization).toBe('Bearer hook-secret');
    expect(read(request.body)).toEqual(expected);
  });

  it('webhook: a GET puts the message in the URL, URL-encoded', async () => {
    await send(channelFor('webhook', 'good', { method: 'GET', url: `${mock.url}/push/webhook/good?title=$title&text=$content` }));
    const request = lastRequest('push.webhook');
    expect(request.method).toBe('GET');
    expect(new URL(request.path, mock.url).searchParams.get('text')).toBe(MESSAGE.body);
  });

  it('webhook: a JSON template that is not JSON is refused before sending', async () => {
    expect(await send(channelFor('webhook', 'good', { body: '{"msg": $title}' }))).toMatchObject({ ok: false, reason: { key: 'push.failure.template' } });
    expect(mock.hits('push.webhook')).toEqual([]);
  });
});

describe('signatures', () => {
  const hmac = (key: string, message: string) => createHmac('sha256', key).update(message).digest('base64');

  it('dingtalk: timestamp (ms) and sign = base64(HMAC-SHA256(secret, "timestamp\\nsecret")) in the URL', async () => {
    const request = await dingtalk.request({ id: 'd', type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: 'SEC123' }, MESSAGE, NOW);
    const url = new URL(request.url);
    expect(url.searchParams.get('access_token')).toBe('T');
    expect(url.searchParams.get('timestamp')).toBe(String(NOW));
    expect(url.searchParams.get('sign')).toBe(hmac('SEC123', `${NOW}\nSEC123`));
  });

  it('dingtalk: unsigned without a secret', async () => {
    const request = await dingtalk.request({ id: 'd', type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T' }, MESSAGE, NOW);
    expect(new URL(request.url).searchParams.has('sign')).toBe(false);
  });

  it('feishu: timestamp (s) and sign = base64(HMAC-SHA256 keyed "timestamp\\nsecret" over nothing) in the body', async () => {
    const request = await feishu.request({ id: 'f', type: 'feishu', url: 'https://open.feishu.cn/open-apis/bot/v2/hook/H', secret: 'fsSecret' }, MESSAGE, NOW);
    const seconds = String(Math.floor(NOW / 1000));
    expect(request.body).toEqual({ msg_type: 'text', content: { text: `${MESSAGE.title}\n\n${MESSAGE.body}` }, timestamp: seconds, sign: hmac(`${seconds}\nfsSecret`, '') });
  });

  it.each(['dingtalk', 'feishu'] as const)('%s: a bot that demands a signature takes the signed message and refuses a wrong secret', async (type) => {
    const now = Date.now();
    const signed = await sendToChannels([channelFor(type, 'signed', { secret: PUSH_SECRET })], MESSAGE, { now: () => now });
    expect(signed[0].ok).toBe(true);
    const wrong = await sendToChannels([channelFor(type, 'signed', { secret: 'not-the-secret' })], MESSAGE, { now: () => now });
    expect(wrong[0]).toMatchObject({ ok: false, reason: { key: 'push.failure.refused', params: { code: type === 'dingtalk' ? 310000 : 19021 } } });
    const unsigned = await sendToChannels([channelFor(type, 'signed')], MESSAGE, { now: () => now });
    expect(unsigned[0].ok).toBe(false);
  });
});
