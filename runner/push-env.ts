import type { PushChannel } from '@/utils/push-schema';

// The runner's push channels (issue 12), from Qinglong's notify variables with the meaning its
// sendNotify gives them (github.com/whyour/qinglong, sample/notify.js), so a Qinglong user's settings
// work unchanged in Docker or cron. Where Qinglong takes a key and builds the address, the whole address
// is accepted too (a relay, a self-hosted server, a test server on 127.0.0.1). The values are secrets:
// they live in the environment only, never in the state file or any output line.

type Env = Record<string, string | undefined>;

const value = (env: Env, name: string) => env[name]?.trim() || undefined;
const isAddress = (raw: string) => /^https?:\/\//i.test(raw);
const withoutSlash = (raw: string) => raw.replace(/\/+$/, '');

/** A channel named by its type: the runner has at most one of each. */
const channel = (type: PushChannel['type'], url: string, extra: Partial<PushChannel> = {}): PushChannel => ({ id: type, type, url, ...extra });

const WEBHOOK_METHOD = /^(GET|POST|PUT|PATCH)$/;

/**
 * The channels the environment sets, in Qinglong's order of meaning:
 * - `BARK_PUSH`: a Bark key or its full URL;
 * - `QYWX_KEY` (+ `QYWX_ORIGIN`, default https://qyapi.weixin.qq.com): the WeCom group bot's key;
 * - `DD_BOT_TOKEN` (+ `DD_BOT_SECRET` for 加签): the DingTalk robot's access token;
 * - `FSKEY` (+ `FSSECRET`, ours: Qinglong signs no Feishu message): the Feishu bot hook's key;
 * - `PUSH_KEY`: the Server酱 SendKey; `PUSH_PLUS_TOKEN`: the PushPlus token;
 * - `TG_BOT_TOKEN` + `TG_USER_ID` (+ `TG_API_HOST`, a relay);
 * - `NTFY_TOPIC` (+ `NTFY_URL`, default https://ntfy.sh, + `NTFY_TOKEN`);
 * - `GOTIFY_URL` + `GOTIFY_TOKEN`;
 * - `WEBHOOK_URL` (+ `WEBHOOK_METHOD`, default POST, `WEBHOOK_BODY`, `WEBHOOK_HEADERS`, `WEBHOOK_CONTENT_TYPE`).
 * A half-set channel (a Telegram token without a chat id) is kept: its delivery fails and says so.
 */
export function pushChannelsFromEnv(env: Env): PushChannel[] {
  const channels: PushChannel[] = [];
  const bark = value(env, 'BARK_PUSH');
  if (bark) channels.push(channel('bark', bark));

  const wecom = value(env, 'QYWX_KEY');
  if (wecom) {
    const origin = withoutSlash(value(env, 'QYWX_ORIGIN') ?? 'https://qyapi.weixin.qq.com');
    channels.push(channel('wecom', isAddress(wecom) ? wecom : `${origin}/cgi-bin/webhook/send?key=${encodeURIComponent(wecom)}`));
  }

  const dingtalk = value(env, 'DD_BOT_TOKEN');
  if (dingtalk) {
    const url = isAddress(dingtalk) ? dingtalk : `https://oapi.dingtalk.com/robot/send?access_token=${encodeURIComponent(dingtalk)}`;
    channels.push(channel('dingtalk', url, { secret: value(env, 'DD_BOT_SECRET') }));
  }

  const feishu = value(env, 'FSKEY');
  if (feishu) {
    const url = isAddress(feishu) ? feishu : `https://open.feishu.cn/open-apis/bot/v2/hook/${encodeURIComponent(feishu)}`;
    channels.push(channel('feishu', url, { secret: value(env, 'FSSECRET') }));
  }

  const serverchan = value(env, 'PUSH_KEY');
  if (serverchan) channels.push(channel('serverchan', serverchan));
  const pushplus = value(env, 'PUSH_PLUS_TOKEN');
  if (pushplus) channels.push(channel('pushplus', pushplus));

  const telegram = value(env, 'TG_BOT_TOKEN');
  if (telegram) channels.push(channel('telegram', telegram, { chatId: value(env, 'TG_USER_ID'), apiHost: value(env, 'TG_API_HOST') }));

  const topic = value(env, 'NTFY_TOPIC');
  if (topic) {
    const server = withoutSlash(value(env, 'NTFY_URL') ?? 'https://ntfy.sh');
    channels.push(channel('ntfy', `${server}/${encodeURIComponent(topic)}`, { token: value(env, 'NTFY_TOKEN') }));
  }

  const gotify = value(env, 'GOTIFY_URL');
  if (gotify) channels.push(channel('gotify', gotify, { token: value(env, 'GOTIFY_TOKEN') }));

  const webhook = value(env, 'WEBHOOK_URL');
  if (webhook) {
    const method = value(env, 'WEBHOOK_METHOD')?.toUpperCase() ?? 'POST';
    channels.push(
      channel('webhook', webhook, {
        // An unknown method is sent as POST rather than dropping the channel.
        method: WEBHOOK_METHOD.test(method) ? (method as PushChannel['method']) : 'POST',
        // Raw, not trimmed: a template's line breaks are its format.
        body: env.WEBHOOK_BODY || undefined,
        headers: env.WEBHOOK_HEADERS || undefined,
        contentType: value(env, 'WEBHOOK_CONTENT_TYPE'),
      }),
    );
  }
  return channels;
}

/** `LINLI_DIGEST=1` (or true, yes, on) turns the daily summary on. */
export const digestFromEnv = (env: Env): boolean => /^(1|true|yes|on)$/i.test(value(env, 'LINLI_DIGEST') ?? '');
