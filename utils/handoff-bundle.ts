import * as z from 'zod/mini';
import { timesAccountSchema, timesSecretSchema } from './storage-schema';

// The hand-off bundle (issue 8): a Times session moved from the extension to an always-on runner, as
// one line of text the user copies across. A rotating refresh token must live in one place only, so
// the extension deletes its copy once the bundle is made. The session inside is encrypted with a key
// derived from a passphrase the user chooses: WebCrypto PBKDF2-SHA-256 → AES-GCM-256, the same code in
// both homes (the runner installs node:crypto's webcrypto where Node 18 lacks globalThis.crypto).
//
// Text format, version 1: `linli-handoff.1.<iterations>.<salt>.<iv>.<ciphertext>`, the last three
// base64url. The header before the ciphertext is authenticated too (AES-GCM additional data).

const PREFIX = 'linli-handoff';
const VERSION = 1;
/** OWASP's 2023 figure for PBKDF2-HMAC-SHA-256. */
export const HANDOFF_ITERATIONS = 600_000;
/** A bundle asking for more work than this is refused rather than tried (it would only stall the import). */
const MAX_ITERATIONS = 10_000_000;
const SALT_BYTES = 16;
const IV_BYTES = 12;

/** What a bundle carries: the account as the extension knew it and its live session. */
export const handoffPayloadSchema = z.object({
  account: z.object({
    phone: timesAccountSchema.shape.phone,
    memberId: timesAccountSchema.shape.memberId,
    server: timesAccountSchema.shape.server,
    nickname: timesAccountSchema.shape.nickname,
    addedAt: timesAccountSchema.shape.addedAt,
  }),
  secret: timesSecretSchema,
  /** When the bundle was made (ms epoch). */
  exportedAt: z.number(),
});
export type HandoffPayload = z.infer<typeof handoffPayloadSchema>;

/**
 * Why a bundle was refused: `format` not a bundle (cut short when copied, say), `version` made by a
 * newer release, `passphrase` the passphrase is wrong or the bundle was changed (AES-GCM cannot tell
 * the two apart), `content` it decrypted to something that is not a session, `stale` a newer session
 * of that account is already stored where it was imported, `spent` the server refused the bundle's
 * refresh token: it was used already, imported elsewhere (utils/core/handoff.ts).
 */
export type HandoffErrorCode = 'format' | 'version' | 'passphrase' | 'content' | 'stale' | 'spent';

export class HandoffError extends Error {
  override name = 'HandoffError';
  constructor(readonly code: HandoffErrorCode) {
    super(`hand-off bundle refused: ${code}`);
  }
}

const bundlePattern = /^([a-z-]+)\.(\d+)\.(\d+)\.([\w-]+)\.([\w-]+)\.([\w-]+)$/;

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (char) => char.charCodeAt(0));
}

async function deriveKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, [
    'encrypt',
    'decrypt',
  ]);
}

const header = (iterations: number, salt: string, iv: string) => `${PREFIX}.${VERSION}.${iterations}.${salt}.${iv}`;

/** Encrypts a session for the hand-off, with a fresh random salt and IV. Returns the one-line text. */
export async function sealHandoff(payload: HandoffPayload, passphrase: string): Promise<string> {
  const iterations = HANDOFF_ITERATIONS;
  const salt = crypto.getRandomValues(new Uint8Array(SALT_BYTES));
  const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
  const head = header(iterations, toBase64Url(salt), toBase64Url(iv));
  const key = await deriveKey(passphrase, salt, iterations);
  const plain = new TextEncoder().encode(JSON.stringify(payload));
  const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(head) }, key, plain);
  return `${head}.${toBase64Url(new Uint8Array(sealed))}`;
}

/**
 * Decrypts and validates a bundle. Whitespace anywhere (a line broken when copied) is ignored.
 * Throws HandoffError with the reason; never says anything about the session inside.
 */
export async function openHandoff(text: string, passphrase: string): Promise<HandoffPayload> {
  const match = bundlePattern.exec(text.replace(/\s+/g, ''));
  if (!match || match[1] !== PREFIX) throw new HandoffError('format');
  const [, , version, iterationsText, saltText, ivText, sealedText] = match;
  if (Number(version) !== VERSION) throw new HandoffError('version');
  const iterations = Number(iterationsText);
  // Fewer rounds than we make would be a weaker bundle than any we wrote: someone else's, refused.
  if (!Number.isSafeInteger(iterations) || iterations < HANDOFF_ITERATIONS || iterations > MAX_ITERATIONS) throw new HandoffError('format');
  let salt: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, sealed: Uint8Array<ArrayBuffer>;
  try {
    [salt, iv, sealed] = [fromBase64Url(saltText), fromBase64Url(ivText), fromBase64Url(sealedText)];
  } catch {
    throw new HandoffError('format');
  }
  if (salt.length !== SALT_BYTES || iv.length !== IV_BYTES) throw new HandoffError('format');

  let plain: ArrayBuffer;
  try {
    const key = await deriveKey(passphrase, salt, iterations);
    const additionalData = new TextEncoder().encode(header(iterations, saltText, ivText));
    plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData }, key, sealed);
  } catch {
    throw new HandoffError('passphrase');
  }
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder().decode(plain));
  } catch {
    throw new HandoffError('content');
  }
  const parsed = handoffPayloadSchema.safeParse(value);
  if (!parsed.success) throw new HandoffError('content');
  return parsed.data;
}
