import type { Pusher } from '@/utils/core/ports';
import type { PushOutcome } from '@/utils/core/push/channel';
import { sendToChannels } from '@/utils/core/push/send';
import { readPushSettings } from '@/utils/extension/push-storage';
import type { PushChannel } from '@/utils/push-schema';
import { pushText, testPushText } from '@/utils/views/push-text';
import { workerLanguage } from './notify';

// The extension's pusher (issue 12): the channels set on the options page, the words in the language
// of the moment. The worker sends; a page only asks it to (the test button), with no key in any reply.

export const browserPusher: Pusher = {
  async config() {
    const { channels, digest } = await readPushSettings();
    return { active: channels.length > 0, digest };
  },
  async send(message) {
    const [{ channels }, lang] = await Promise.all([readPushSettings(), workerLanguage()]);
    return sendToChannels(channels, pushText(message, lang));
  },
};

/** The options page's test button: one test message to the channel as shown on the page (saved or not). */
export async function sendTestPush(channel: PushChannel): Promise<PushOutcome> {
  const [outcome] = await sendToChannels([channel], testPushText(await workerLanguage()));
  return outcome;
}
