import { oneText, secureUrl, type ChannelModule } from './channel';
import { judgeErrcode } from './reply';
import { hmacSha256Base64 } from './sign';

// A DingTalk (钉钉) group robot: POST a text message to its URL (`…/robot/send?access_token=…`). With
// 加签, the URL also carries `timestamp` (ms) and `sign` = base64(HMAC-SHA256(secret, "timestamp\nsecret"))
// (DingTalk's custom robot documentation; Qinglong's sendNotify signs the same way). The answer is
// `{"errcode":0,"errmsg":"ok"}`; a bad signature is errcode 310000 in a 200.

export const dingtalk: ChannelModule = {
  endpoint: (channel) => secureUrl(channel.url),
  async request(channel, message, now) {
    const url = dingtalk.endpoint(channel);
    const secret = channel.secret?.trim();
    if (secret) {
      url.searchParams.set('timestamp', String(now));
      url.searchParams.set('sign', await hmacSha256Base64(secret, `${now}\n${secret}`));
    }
    return { url: url.href, method: 'POST', body: { msgtype: 'text', text: { content: oneText(message) } } };
  },
  judge: judgeErrcode,
};
