import { PushFailure } from '../core/push/channel';
import { channelEndpoint } from '../core/push/send';
import { text, type Text } from '../i18n/keys';
import { pushChannelSchema, type ChannelType, type PushChannel } from '../push-schema';

// The options page's push channels (issue 12): which fields each type has, what is saved of a row, and
// why a row can't be used, checked by the same code that sends (utils/core/push/). Pure.

/** The fields of a row beyond its type. */
export type ChannelField = 'url' | 'secret' | 'chatId' | 'apiHost' | 'token' | 'method' | 'contentType' | 'body' | 'headers';

/** Each type's fields, the address first; the others are the row's own (not the test contract's). */
export const CHANNEL_FIELDS: Record<ChannelType, readonly ChannelField[]> = {
  bark: ['url'],
  wecom: ['url'],
  dingtalk: ['url', 'secret'],
  feishu: ['url', 'secret'],
  serverchan: ['url'],
  pushplus: ['url'],
  telegram: ['url', 'chatId', 'apiHost'],
  ntfy: ['url', 'token'],
  gotify: ['url', 'token'],
  webhook: ['url', 'method', 'contentType', 'body', 'headers'],
};

/** Fields a channel can't do without. */
const REQUIRED: Partial<Record<ChannelType, readonly ChannelField[]>> = { telegram: ['chatId'], gotify: ['token'] };

/** Templates keep their line breaks and spaces; every other field is trimmed. */
const RAW: readonly ChannelField[] = ['body', 'headers'];

/** A new, empty row of `type`. */
export const newChannel = (id: string, type: ChannelType = 'bark'): PushChannel => ({ id, type, url: '' });

/** The row as saved: its type's fields only (a type switched leaves no other field behind), empty ones dropped. */
export function tidyChannel(row: PushChannel): PushChannel {
  const channel: Record<string, unknown> = { id: row.id, type: row.type, url: row.url.trim() };
  for (const field of CHANNEL_FIELDS[row.type]) {
    const value = row[field];
    if (field === 'url' || value === undefined) continue;
    const kept = RAW.includes(field) ? value : value.trim();
    if (kept !== '') channel[field] = kept;
  }
  return channel as PushChannel;
}

/** Why a row can't be used, and at which field; undefined when it can. */
export function channelProblem(row: PushChannel): { error: Text; field: ChannelField } | undefined {
  const channel = tidyChannel(row);
  if (!channel.url) return { error: text('options.push.error.required'), field: 'url' };
  const missing = REQUIRED[channel.type]?.find((field) => !channel[field]);
  if (missing) return { error: text('options.push.error.required'), field: missing };
  try {
    channelEndpoint(channel);
  } catch (error) {
    return { error: error instanceof PushFailure ? error.reason : text('push.failure.address'), field: 'url' };
  }
  if (!pushChannelSchema.safeParse(channel).success) return { error: text('options.error.invalid'), field: 'url' };
  return undefined;
}

/** The rows as saved, or the first problem and its row. */
export function validateChannels(rows: PushChannel[]): { channels: PushChannel[] } | { error: Text; index: number; field: ChannelField } {
  for (const [index, row] of rows.entries()) {
    const problem = channelProblem(row);
    if (problem) return { ...problem, index };
  }
  return { channels: rows.map(tidyChannel) };
}

/** The host a row's messages go to, for the page to say so; undefined while the row can't be used. */
export function channelHost(row: PushChannel): string | undefined {
  try {
    return channelEndpoint(tidyChannel(row)).host;
  } catch {
    return undefined;
  }
}

/** Host permissions the channels need (optional_host_permissions, asked for from the click). */
export function channelOrigins(channels: PushChannel[]): string[] {
  return [...new Set(channels.map((channel) => `${channelEndpoint(channel).origin}/*`))];
}
