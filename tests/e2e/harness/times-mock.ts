import type { MockApi, RecordedRequest } from '../../mock-api/server';
import { parseForm } from '../../mock-api/form';
import { digest } from './storage';

// What the mock server saw of the Times API, in a form safe to assert on: tokens are replaced by short
// digests, because a failing expect prints the values it compared.

export interface SeenCollect {
  path: string;
  /** Server clock (ms epoch) at arrival. */
  at: number;
  body: Record<string, unknown>;
  /** The raw JSON text, to check how numbers and strings were written. */
  rawBody: string;
  locale?: string;
  contentType?: string;
  /** `Authorization` is `Bearer <token>`. */
  bearer: boolean;
  tokenDigest?: string;
}

function header(request: RecordedRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

async function tokenDigest(request: RecordedRequest): Promise<string | undefined> {
  const token = /^Bearer (\S+)$/.exec(header(request, 'authorization') ?? '')?.[1];
  return token === undefined ? undefined : digest(token);
}

export function seenCollects(mock: MockApi): Promise<SeenCollect[]> {
  return Promise.all(
    mock.hits('times.collect').map(async (request) => ({
      path: request.path,
      at: request.at,
      body: JSON.parse(request.body) as Record<string, unknown>,
      rawBody: request.body,
      locale: header(request, 'locale'),
      contentType: header(request, 'content-type'),
      bearer: /^Bearer \S+$/.test(header(request, 'authorization') ?? ''),
      tokenDigest: await tokenDigest(request),
    })),
  );
}

export interface SeenRefresh {
  contentType?: string;
  /** The form fields, refresh_token replaced by its digest. */
  fields: Record<string, string>;
}

export function seenRefreshes(mock: MockApi): Promise<SeenRefresh[]> {
  return Promise.all(
    mock.hits('times.refresh').map(async (request) => {
      const form = parseForm(request.headers, request.body) ?? new Map<string, string>();
      const fields = Object.fromEntries(form);
      if (fields.refresh_token !== undefined) fields.refresh_token = await digest(fields.refresh_token);
      return { contentType: header(request, 'content-type'), fields };
    }),
  );
}

/** The number of check-ins the server accepted (the first of a member's day). */
export const acceptedCheckins = (mock: MockApi, phone: string) => mock.times.checkins(phone).filter((c) => c.accepted).length;
