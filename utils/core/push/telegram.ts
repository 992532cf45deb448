import * as z from 'zod/mini';
import { text } from '../../i18n/keys';
import { incomplete, isAddress, oneText, PushFailure, secureUrl, type ChannelModule } from './channel';
import { judgeJson } from './reply';

// A Telegram bot: POST JSON {chat_id, text} to `<api host>/bot<token>/sendMessage`; the answer is
// `{"ok":true,…}`, an error `{"ok":false,"error_code":401,"description":…}`. The API host may be a relay
// (TG_API_HOST in Qinglong): the official one is not reachable from mainland China. `url` is the bot
// token, or `<api host>/bot<token>`.

const API_HOST = 'https://api.telegram.org';
const TOKEN = /^\d+:[\w-]+$/;

const replySchema = z.object({ ok: z.boolean(), error_code: z.optional(z.number()) });

function base(channel: { url: string; apiHost?: string }): { host: string; token: string } {
  const raw = channel.url.trim();
  if (isAddress(raw)) {
    const url = secureUrl(raw);
    const match = /^(.*)\/bot([^/]+)\/?(sendMessage)?$/.exec(url.pathname);
    if (!match || !TOKEN.test(decodeURIComponent(match[2]))) throw new PushFailure(text('push.failure.address'));
    return { host: `${url.origin}${match[1]}`, token: decodeURIComponent(match[2]) };
  }
  if (!TOKEN.test(raw)) throw new PushFailure(text('push.failure.address'));
  const host = channel.apiHost?.trim() ? secureUrl(channel.apiHost) : new URL(API_HOST);
  return { host: `${host.origin}${host.pathname.replace(/\/+$/, '')}`, token: raw };
}

export const telegram: ChannelModule = {
  endpoint(channel) {
    const { host, token } = base(channel);
    return new URL(`${host}/bot${token}/sendMessage`);
  },
  async request(channel, message) {
    const chatId = channel.chatId?.trim();
    if (!chatId) throw incomplete();
    return { url: telegram.endpoint(channel).href, method: 'POST', body: { chat_id: chatId, text: oneText(message), disable_web_page_preview: true } };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => value.ok,
      (value) => value.error_code,
    ),
};
