// HMAC-SHA256 for the bots' signatures, through WebCrypto: globalThis.crypto in the MV3 worker and in
// Node (the runner installs node:crypto's webcrypto where Node 18 lacks the global, as for the hand-off).

const encoder = new TextEncoder();

/** base64(HMAC-SHA256(key, message)), both UTF-8. */
export async function hmacSha256Base64(key: string, message: string): Promise<string> {
  const secret = await crypto.subtle.importKey('raw', encoder.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', secret, encoder.encode(message)));
  return btoa(String.fromCharCode(...mac));
}

/** base64 of a text's UTF-8 bytes (ntfy's RFC 2047 title). */
export function utf8Base64(value: string): string {
  return btoa(Array.from(encoder.encode(value), (byte) => String.fromCharCode(byte)).join(''));
}
