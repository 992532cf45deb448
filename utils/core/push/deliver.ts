import { ofetch } from 'ofetch';
import { text } from '../../i18n/keys';
import { PushFailure, secureUrl, type PushReply, type PushRequest } from './channel';

// One request to a push service. A redirect is a failed delivery, never followed: the key sits in the
// address, and must never reach another host. The timeout covers the whole exchange, body included.

/** How long a service has to answer, in ms (issue 12). */
export const PUSH_TIMEOUT_MS = 10_000;

/**
 * Sends `request` and reads the answer as text, whatever its status. Throws PushFailure: `address`
 * (not https, nor http to this computer), `redirect`, `timeout`, `network` (with no detail: a fetch
 * error may quote the address).
 */
export async function deliver(request: PushRequest, timeoutMs = PUSH_TIMEOUT_MS): Promise<PushReply> {
  const url = secureUrl(request.url);
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await ofetch.raw<string, 'text'>(url.href, {
      method: request.method,
      headers: request.headers,
      body: request.body,
      responseType: 'text',
      redirect: 'manual',
      retry: 0,
      ignoreResponseError: true,
      credentials: 'omit',
      signal: controller.signal,
    });
    // A browser hides a redirect it did not follow behind an opaque answer of status 0; Node shows the 3xx.
    if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) {
      throw new PushFailure(text('push.failure.redirect'));
    }
    return { status: response.status, text: response._data ?? '' };
  } catch (error) {
    if (error instanceof PushFailure) throw error;
    throw new PushFailure(text(controller.signal.aborted ? 'push.failure.timeout' : 'push.failure.network'));
  } finally {
    clearTimeout(timer);
  }
}
