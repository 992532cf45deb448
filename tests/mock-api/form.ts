import type { IncomingHttpHeaders } from 'node:http';
import { mediaType } from './route';

// Form bodies for the Times refresh grant, which the document sends as FormData. Browsers encode
// FormData as multipart/form-data; URLSearchParams bodies are x-www-form-urlencoded. Both are real
// form posts and accepted; anything else (JSON in particular) is not a form and yields undefined.

export function parseForm(headers: IncomingHttpHeaders, body: string): Map<string, string> | undefined {
  const type = mediaType(headers);
  if (type === 'application/x-www-form-urlencoded') return new Map(new URLSearchParams(body));
  if (type === 'multipart/form-data') return parseMultipart(headers['content-type'] ?? '', body);
  return undefined;
}

function parseMultipart(contentType: string, body: string): Map<string, string> | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return undefined;
  const fields = new Map<string, string>();
  for (const part of body.split(`--${marker}`).slice(1)) {
    if (part.startsWith('--')) break; // the closing delimiter
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const head = part.slice(0, split);
    const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined) return undefined;
    fields.set(name, part.slice(split + 4).replace(/\r\n$/, ''));
  }
  return fields;
}
