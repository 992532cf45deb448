import type { Pusher } from '@/utils/core/ports';
import type { PushOutcome, PushText } from '@/utils/core/push/channel';
import { PUSH_TIMEOUT_MS } from '@/utils/core/push/deliver';
import { sendToChannels } from '@/utils/core/push/send';
import { wordIn } from '@/utils/i18n/core';
import { text, type Lang } from '@/utils/i18n/keys';
import { pushText } from '@/utils/views/push-text';
import type { Output } from './output';
import { digestFromEnv, pushChannelsFromEnv } from './push-env';

// The runner's pusher (issue 12). Under Qinglong (its preload gives the scripts it runs QLAPI.notify,
// which is its own sendNotify over the same variables), every message goes through QLAPI.notify alone:
// sending it ourselves as well would deliver it twice. Elsewhere, the channels the variables set. A
// failed channel gets one line naming its type, never its key; it changes no exit code.

interface Qinglong {
  notify(title: string, content: string): unknown;
}

function qinglong(): Qinglong | undefined {
  const api = (globalThis as { QLAPI?: Partial<Qinglong> }).QLAPI;
  return typeof api?.notify === 'function' ? (api as Qinglong) : undefined;
}

/** One message through Qinglong's notify; delivered when it resolves within the push timeout. */
async function viaQinglong(api: Qinglong, message: PushText): Promise<PushOutcome> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('timeout')), PUSH_TIMEOUT_MS);
  });
  try {
    await Promise.race([Promise.resolve().then(() => api.notify(message.title, message.body)), late]);
    return { id: 'qinglong', type: 'qinglong', ok: true };
  } catch {
    return { id: 'qinglong', type: 'qinglong', ok: false, reason: text('push.failure.qinglong') };
  } finally {
    clearTimeout(timer);
  }
}

export type RunnerPusher = Pusher & {
  /** Whether anything would receive a push (a channel, or Qinglong). */
  configured(): boolean;
  /** Sends worded text to every channel (the test message); one line per failure. */
  sendText(message: PushText): Promise<PushOutcome[]>;
};

/** `lang` words the messages and the failure lines; `env` holds the channels (read once). */
export function createRunnerPusher(env: Record<string, string | undefined>, lang: Lang, output: Pick<Output, 'problem'>): RunnerPusher {
  const channels = pushChannelsFromEnv(env);
  const digest = digestFromEnv(env);

  async function sendText(message: PushText): Promise<PushOutcome[]> {
    const api = qinglong();
    const outcomes = api ? [await viaQinglong(api, message)] : await sendToChannels(channels, message);
    for (const outcome of outcomes) {
      if (!outcome.ok) output.problem(wordIn(lang, text('runner.push.failed', { type: outcome.type, reason: wordIn(lang, outcome.reason) })));
    }
    return outcomes;
  }

  const configured = () => qinglong() !== undefined || channels.length > 0;
  return {
    configured,
    sendText,
    config: async () => ({ active: configured(), digest }),
    send: (message) => sendText(pushText(message, lang)),
  };
}
