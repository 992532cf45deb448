import * as z from 'zod/mini';
import { isAddress, secureUrl, incomplete, type ChannelModule } from './channel';
import { judgeJson, looseCode } from './reply';

// PushPlus (pushplus.plus): POST JSON {token, title, content, template} to `https://www.pushplus.plus/send`,
// over https (some libraries use plain http, which would carry the token in clear). The answer is
// `{"code":200,"msg":"请求成功","data":"<id>"}`, an error another code in a 200 (903: unknown token).
// The token alone, or a send URL with `?token=` (a relay, a test server).

const SEND_URL = 'https://www.pushplus.plus/send';

const replySchema = z.object({ code: looseCode, msg: z.optional(z.string()) });

/** The send address and the token. */
function parts(raw: string): { url: URL; token: string } {
  if (!isAddress(raw)) {
    const token = raw.trim();
    if (!/^[\w-]{1,256}$/.test(token)) throw incomplete();
    return { url: new URL(SEND_URL), token };
  }
  const url = secureUrl(raw);
  const token = url.searchParams.get('token')?.trim();
  if (!token) throw incomplete();
  url.searchParams.delete('token');
  return { url, token };
}

export const pushplus: ChannelModule = {
  endpoint: (channel) => parts(channel.url).url,
  async request(channel, message) {
    const { url, token } = parts(channel.url);
    return { url: url.href, method: 'POST', body: { token, title: message.title, content: message.body, template: 'txt' } };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => Number(value.code) === 200,
      (value) => value.code,
    ),
};
