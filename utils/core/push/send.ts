import { text } from '../../i18n/keys';
import type { ChannelType, PushChannel } from '../../push-schema';
import { bark } from './bark';
import { PushFailure, type ChannelModule, type PushOutcome, type PushText } from './channel';
import { deliver, PUSH_TIMEOUT_MS } from './deliver';
import { dingtalk } from './dingtalk';
import { feishu } from './feishu';
import { gotify } from './gotify';
import { ntfy } from './ntfy';
import { pushplus } from './pushplus';
import { serverchan } from './serverchan';
import { telegram } from './telegram';
import { webhook } from './webhook';
import { wecom } from './wecom';

// Sending one message to every channel: each on its own, side by side; one that fails, hangs or
// redirects never stops or delays the others beyond its own timeout.

export const CHANNELS: Record<ChannelType, ChannelModule> = { bark, wecom, dingtalk, feishu, serverchan, pushplus, telegram, ntfy, gotify, webhook };

export interface SendOptions {
  /** ms epoch for signatures (default Date.now). */
  now?: () => number;
  /** Per channel, ms (default 10 s). */
  timeoutMs?: number;
}

/**
 * Sends `message` to each channel and resolves, once all are done, to one outcome per channel in their
 * order: the id, the type, delivered or not and why (a message key; never the address or the key).
 * Never rejects.
 */
export function sendToChannels(channels: PushChannel[], message: PushText, options: SendOptions = {}): Promise<PushOutcome[]> {
  const now = options.now ?? Date.now;
  return Promise.all(
    channels.map(async (channel): Promise<PushOutcome> => {
      const { id, type } = channel;
      try {
        const module = CHANNELS[type];
        const reply = await deliver(await module.request(channel, message, now()), options.timeoutMs ?? PUSH_TIMEOUT_MS);
        const reason = module.judge(reply);
        return reason ? { id, type, ok: false, reason } : { id, type, ok: true };
      } catch (error) {
        return { id, type, ok: false, reason: error instanceof PushFailure ? error.reason : text('error.unexpected') };
      }
    }),
  );
}

/** The address a channel contacts (its host is what the extension asks permission for); throws PushFailure. */
export const channelEndpoint = (channel: PushChannel): URL => CHANNELS[channel.type].endpoint(channel);
