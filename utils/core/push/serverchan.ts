import * as z from 'zod/mini';
import { isAddress, pathKey, secureUrl, type ChannelModule } from './channel';
import { judgeJson, looseCode } from './reply';

// Server酱 (sct.ftqq.com): POST the form `title`, `desp` to `https://sctapi.ftqq.com/<SendKey>.send`
// (Turbo); a Server酱³ key `sctp<uid>t…` goes to its own host, `https://<uid>.push.ft07.com/send/<key>.send`
// (as Qinglong's sendNotify does). The whole send URL may be given instead of the key (a relay, a test
// server). The answer is `{"code":0,…,"data":{"errno":0}}`; the old API said `{"errno":0}`.

const replySchema = z.object({ code: looseCode, errno: looseCode, data: z.optional(z.nullable(z.object({ errno: looseCode }))) });

export const serverchan: ChannelModule = {
  endpoint(channel) {
    if (isAddress(channel.url)) return secureUrl(channel.url);
    const key = pathKey(channel.url);
    const sc3 = /^sctp(\d+)t/i.exec(key);
    return new URL(sc3 ? `https://${sc3[1]}.push.ft07.com/send/${key}.send` : `https://sctapi.ftqq.com/${key}.send`);
  },
  async request(channel, message) {
    // Its markdown needs a blank line for a line break.
    const desp = message.body.replace(/\r?\n/g, '\n\n');
    return { url: serverchan.endpoint(channel).href, method: 'POST', body: new URLSearchParams({ title: message.title, desp }) };
  },
  judge: (reply) =>
    judgeJson(
      reply,
      replySchema,
      (value) => Number(value.code ?? value.errno) === 0 && Number(value.data?.errno ?? 0) === 0,
      (value) => (Number(value.code ?? value.errno) === 0 ? value.data?.errno : (value.code ?? value.errno)),
    ),
};
