import { describe, expect, it } from 'vitest';
import { digestFromEnv, pushChannelsFromEnv } from '@/runner/push-env';
import { channelEndpoint } from '@/utils/core/push/send';

// Qinglong's notify variables, read with the meaning its sendNotify gives them (sample/notify.js): the
// addresses each channel then contacts are the ones Qinglong would.

const endpoints = (env: Record<string, string>) => pushChannelsFromEnv(env).map((channel) => [channel.type, channelEndpoint(channel).href]);

describe("the runner's push variables", () => {
  it('sets no channel from an empty environment', () => {
    expect(pushChannelsFromEnv({})).toEqual([]);
    expect(pushChannelsFromEnv({ BARK_PUSH: '  ', TG_USER_ID: '1', GOTIFY_TOKEN: 't' })).toEqual([]);
  });

  it.each([
    ['BARK_PUSH, a key', { BARK_PUSH: 'DxHcKey' }, 'bark', 'https://api.day.app/DxHcKey'],
    ['BARK_PUSH, a URL', { BARK_PUSH: 'https://bark.example.com/DxHcKey/' }, 'bark', 'https://bark.example.com/DxHcKey'],
    ['QYWX_KEY', { QYWX_KEY: '693a91f6-7xxx' }, 'wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx'],
    ['QYWX_KEY with QYWX_ORIGIN (a relay)', { QYWX_KEY: 'k', QYWX_ORIGIN: 'https://relay.example.com/' }, 'wecom', 'https://relay.example.com/cgi-bin/webhook/send?key=k'],
    ['DD_BOT_TOKEN', { DD_BOT_TOKEN: 'ddtoken' }, 'dingtalk', 'https://oapi.dingtalk.com/robot/send?access_token=ddtoken'],
    ['FSKEY', { FSKEY: 'fs-hook' }, 'feishu', 'https://open.feishu.cn/open-apis/bot/v2/hook/fs-hook'],
    ['PUSH_KEY (Turbo)', { PUSH_KEY: 'SCT123abc' }, 'serverchan', 'https://sctapi.ftqq.com/SCT123abc.send'],
    ['PUSH_KEY (Server酱³)', { PUSH_KEY: 'sctp42tAbc' }, 'serverchan', 'https://42.push.ft07.com/send/sctp42tAbc.send'],
    ['PUSH_PLUS_TOKEN', { PUSH_PLUS_TOKEN: 'pp0123' }, 'pushplus', 'https://www.pushplus.plus/send'],
    ['TG_BOT_TOKEN + TG_USER_ID', { TG_BOT_TOKEN: '1407203283:AAG9rt', TG_USER_ID: '1434078534' }, 'telegram', 'https://api.telegram.org/bot1407203283:AAG9rt/sendMessage'],
    ['TG_API_HOST', { TG_BOT_TOKEN: '1:a', TG_USER_ID: '2', TG_API_HOST: 'https://tg.example.com' }, 'telegram', 'https://tg.example.com/bot1:a/sendMessage'],
    ['NTFY_TOPIC', { NTFY_TOPIC: 'family' }, 'ntfy', 'https://ntfy.sh/family'],
    ['NTFY_URL + NTFY_TOPIC', { NTFY_URL: 'https://ntfy.example.com/', NTFY_TOPIC: 'family' }, 'ntfy', 'https://ntfy.example.com/family'],
    ['GOTIFY_URL', { GOTIFY_URL: 'https://push.example.de:8080', GOTIFY_TOKEN: 't' }, 'gotify', 'https://push.example.de:8080/message'],
    ['WEBHOOK_URL', { WEBHOOK_URL: 'https://hook.example.com/x?t=$title', WEBHOOK_METHOD: 'GET' }, 'webhook', 'https://hook.example.com/x?t=$title'],
  ])('%s', (_name, env, type, address) => {
    expect(endpoints(env)).toEqual([[type, address]]);
  });

  it('carries each channel\'s extra settings', () => {
    const env = {
      DD_BOT_TOKEN: 'd',
      DD_BOT_SECRET: 'SECd',
      FSKEY: 'f',
      FSSECRET: 'fs',
      TG_BOT_TOKEN: '1:a',
      TG_USER_ID: '2',
      NTFY_TOPIC: 'n',
      NTFY_TOKEN: 'tk',
      GOTIFY_URL: 'https://g.example.com',
      GOTIFY_TOKEN: 'gt',
      WEBHOOK_URL: 'https://h.example.com',
      WEBHOOK_METHOD: 'put',
      WEBHOOK_BODY: 'title: $title\ncontent: $content',
      WEBHOOK_HEADERS: 'X-A: 1',
      WEBHOOK_CONTENT_TYPE: 'application/x-www-form-urlencoded',
    };
    expect(pushChannelsFromEnv(env)).toEqual([
      expect.objectContaining({ id: 'dingtalk', secret: 'SECd' }),
      expect.objectContaining({ id: 'feishu', secret: 'fs' }),
      expect.objectContaining({ id: 'telegram', chatId: '2' }),
      expect.objectContaining({ id: 'ntfy', token: 'tk' }),
      expect.objectContaining({ id: 'gotify', token: 'gt' }),
      expect.objectContaining({ id: 'webhook', method: 'PUT', body: env.WEBHOOK_BODY, headers: 'X-A: 1', contentType: 'application/x-www-form-urlencoded' }),
    ]);
  });

  it('keeps a channel set by half, so that its delivery says what is missing', () => {
    expect(pushChannelsFromEnv({ TG_BOT_TOKEN: '1:a' })).toEqual([expect.objectContaining({ type: 'telegram', chatId: undefined })]);
  });

  it.each([
    ['1', true],
    ['true', true],
    ['on', true],
    ['0', false],
    ['', false],
    [undefined, false],
  ])('LINLI_DIGEST=%s turns the summary %s', (value, on) => {
    expect(digestFromEnv({ LINLI_DIGEST: value })).toBe(on);
  });
});
