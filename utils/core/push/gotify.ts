import * as z from 'zod/mini';
import { incomplete, secureUrl, type ChannelModule } from './channel';
import { judgeJson } from './reply';

// Gotify: POST JSON {title, message, priority} to `<server>/message`, the application token in the
// `X-Gotify-Key` header (kept out of the address, where proxies log it). The answer is the message with
// its numeric `id`; an error `{"error":"Unauthorized","errorCode":401,…}`.

const replySchema = z.object({ id: z.optional(z.number()), errorCode: z.optional(z.number()) });

export const gotify: ChannelModule = {
  endpoint(channel) {
    const server = secureUrl(channel.url);
    return new URL(`${server.origin}${server.pathname.replace(/\/+$/, '')}/message`);
  },
  async request(channel, message) {
    const token = channel.token?.trim();
    if (!token) throw incomplete();
    return { url: gotify.endpoint(channel).href, method: 'POST', headers: { 'X-Gotify-Key': token }, body: { title: message.title, message: message.body, priority: 5 } };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => typeof value.id === 'number',
      (value) => value.errorCode,
    ),
};
