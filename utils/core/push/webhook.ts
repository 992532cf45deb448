import { text } from '../../i18n/keys';
import { PushFailure, secureUrl, type ChannelModule, type PushRequest, type PushText } from './channel';
import { judgeStatus } from './reply';

// A webhook of the user's own, as Qinglong's WEBHOOK_* settings describe one: a URL and a body template
// where `$title` and `$content` stand for the message (URL-encoded in the URL), a method, a content type
// and header lines `Name: value`. A body template is either JSON (`{"text":"$title"}`) or Qinglong's
// lines `key: value` (a value that reads as JSON is taken as JSON). Any 2xx answer is a delivery.

type Escape = (value: string) => string;

const plain: Escape = (value) => value;
const inJson: Escape = (value) => JSON.stringify(value).slice(1, -1);

/** The template with the message in it; a function replacement, so a `$&` in a message stays as it is. */
const fill = (template: string, message: PushText, escape: Escape) =>
  template.replaceAll('$title', () => escape(message.title)).replaceAll('$content', () => escape(message.body));

/** Qinglong's `key: value` lines (a line without a colon is left out). */
function lines(template: string): [string, string][] {
  return template
    .split(/\r?\n/)
    .map((line) => {
      const colon = line.indexOf(':');
      return colon > 0 ? ([line.slice(0, colon).trim(), line.slice(colon + 1).trim()] as [string, string]) : undefined;
    })
    .filter((entry): entry is [string, string] => entry !== undefined && entry[0] !== '');
}

/** A value of the lines format: JSON when it reads as JSON with the message in it, else the text. */
function lineValue(value: string, message: PushText): unknown {
  try {
    return JSON.parse(fill(value, message, inJson));
  } catch {
    return fill(value, message, plain);
  }
}

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

function body(channel: { body?: string; contentType?: string }, message: PushText): PushRequest['body'] {
  const template = channel.body?.trim() ?? '';
  if (!template) return undefined;
  const type = (channel.contentType?.trim() || 'application/json').split(';')[0].toLowerCase();
  if (type === 'application/json') {
    if (/^[[{]/.test(template)) {
      try {
        return JSON.parse(fill(template, message, inJson)) as Record<string, unknown>;
      } catch {
        throw new PushFailure(text('push.failure.template'));
      }
    }
    return Object.fromEntries(lines(template).map(([key, value]) => [key, lineValue(value, message)]));
  }
  if (type === 'application/x-www-form-urlencoded') {
    return new URLSearchParams(lines(template).map(([key, value]) => [key, asText(lineValue(value, message))]));
  }
  if (type === 'multipart/form-data') {
    const form = new FormData();
    for (const [key, value] of lines(template)) form.append(key, asText(lineValue(value, message)));
    return form;
  }
  return fill(template, message, plain);
}

export const webhook: ChannelModule = {
  endpoint: (channel) => secureUrl(channel.url),
  async request(channel, message) {
    const url = fill(channel.url.trim(), message, encodeURIComponent);
    const method = channel.method ?? 'POST';
    const headers = Object.fromEntries(lines(channel.headers ?? ''));
    const contentType = channel.contentType?.trim();
    // multipart carries its own boundary in the header the runtime writes.
    if (contentType && !/^multipart\//i.test(contentType) && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
      headers['Content-Type'] = contentType;
    }
    // A GET carries no body (fetch refuses one): its message goes in the URL.
    return { url, method, headers, body: method === 'GET' ? undefined : body(channel, message) };
  },
  judge: judgeStatus,
};
