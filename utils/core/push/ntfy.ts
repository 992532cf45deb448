import * as z from 'zod/mini';
import { secureUrl, type ChannelModule } from './channel';
import { judgeJson } from './reply';
import { utf8Base64 } from './sign';

// ntfy (ntfy.sh or a self-hosted server): POST the message as the body to the topic URL, the title in
// the `Title` header (RFC 2047 encoded: headers are ASCII), an access token as `Authorization: Bearer`.
// The answer is the message as JSON with its `id`; an error `{"code":40101,"http":401,"error":…}`.

const replySchema = z.object({ id: z.optional(z.string()), code: z.optional(z.number()) });

export const ntfy: ChannelModule = {
  endpoint: (channel) => secureUrl(channel.url),
  async request(channel, message) {
    const token = channel.token?.trim();
    const headers: Record<string, string> = { Title: `=?UTF-8?B?${utf8Base64(message.title)}?=`, 'Content-Type': 'text/plain; charset=utf-8' };
    if (token) headers.Authorization = `Bearer ${token}`;
    return { url: ntfy.endpoint(channel).href, method: 'POST', headers, body: message.body };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => typeof value.id === 'string' && value.id !== '',
      (value) => value.code,
    ),
};
