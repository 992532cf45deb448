import * as z from 'zod/mini';
import { oneText, secureUrl, type ChannelModule } from './channel';
import { judgeJson, looseCode } from './reply';
import { hmacSha256Base64 } from './sign';

// A Feishu (飞书) group bot: POST a text message to its hook URL (`…/open-apis/bot/v2/hook/…`). With a
// signing secret, the body carries `timestamp` (seconds, a string) and `sign` = base64(HMAC-SHA256 keyed
// with "timestamp\nsecret" over nothing), as Feishu's custom bot guide says (Qinglong signs no Feishu
// message). The answer is `{"code":0,"msg":"success"}` (older: `StatusCode: 0`); an error another code.

const replySchema = z.object({ code: looseCode, StatusCode: looseCode, msg: z.optional(z.string()) });

export const feishu: ChannelModule = {
  endpoint: (channel) => secureUrl(channel.url),
  async request(channel, message, now) {
    const secret = channel.secret?.trim();
    const body: Record<string, unknown> = { msg_type: 'text', content: { text: oneText(message) } };
    if (secret) {
      const timestamp = String(Math.floor(now / 1000));
      Object.assign(body, { timestamp, sign: await hmacSha256Base64(`${timestamp}\n${secret}`, '') });
    }
    return { url: feishu.endpoint(channel).href, method: 'POST', body };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => Number(value.code ?? value.StatusCode) === 0,
      (value) => value.code ?? value.StatusCode,
    ),
};
