import * as z from 'zod/mini';
import { isAddress, pathKey, secureUrl, type ChannelModule } from './channel';
import { judgeJson } from './reply';

// Bark (github.com/Finb/bark-server): POST JSON {title, body, group} to `https://api.day.app/KEY` or a
// self-hosted server's URL with the key; the answer is `{"code":200,"message":"success"}`, an error
// `{"code":400,"message":"failed to get device token…"}`. As in Qinglong, the key alone means api.day.app.

const BARK_HOST = 'https://api.day.app';

const replySchema = z.object({ code: z.number(), message: z.optional(z.string()) });

export const bark: ChannelModule = {
  endpoint: (channel) => (isAddress(channel.url) ? secureUrl(channel.url.trim().replace(/\/+$/, '')) : new URL(`${BARK_HOST}/${pathKey(channel.url)}`)),
  async request(channel, message) {
    return { url: bark.endpoint(channel).href, method: 'POST', body: { title: message.title, body: message.body, group: message.group } };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => value.code === 200,
      (value) => value.code,
    ),
};
