import { oneText, secureUrl, type ChannelModule } from './channel';
import { judgeErrcode } from './reply';

// A WeCom (企业微信) group bot: POST a text message to its webhook URL (`…/cgi-bin/webhook/send?key=…`);
// the answer is `{"errcode":0,"errmsg":"ok"}`, an error another errcode in a 200. Not the WeCom
// application API: since 2026 it refuses calls from addresses off the app's trusted list (errcode 60020).

export const wecom: ChannelModule = {
  endpoint: (channel) => secureUrl(channel.url),
  async request(channel, message) {
    return { url: wecom.endpoint(channel).href, method: 'POST', body: { msgtype: 'text', text: { content: oneText(message) } } };
  },
  judge: judgeErrcode,
};
