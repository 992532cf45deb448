import { randomBytes } from 'node:crypto';
import { isRecord } from './route';

// Times tokens are RS256 JWTs. The mock only needs their shape (clients may decode `exp` to plan a
// refresh), so the signature is random bytes of an RS256 signature's length; validity is decided by
// the mock's own token registry, never by verifying the signature.

export function makeJwt(payload: Record<string, unknown>): string {
  const header = Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT' })).toString('base64url');
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${header}.${body}.${randomBytes(256).toString('base64url')}`;
}

/** The payload of a JWT-shaped token, or undefined when it has no decodable JSON object payload. */
export function decodeJwtPayload(token: string): Record<string, unknown> | undefined {
  const part = token.split('.')[1];
  if (!part) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return isRecord(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

export function randomJti(): string {
  return randomBytes(16).toString('hex');
}
