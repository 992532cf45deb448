export interface JwtTimes {
  /** `exp`, seconds since the epoch, by the server's clock. */
  exp?: number;
  /** `iat`, seconds since the epoch, by the server's clock. */
  iat?: number;
}

const seconds = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/**
 * The `exp` and `iat` claims of a JWT; empty when the token is not a decodable JWT. The signature is
 * not checked: this only tells when the server will stop accepting the token.
 */
export function jwtTimes(token: string): JwtTimes {
  const payload = token.split('.')[1];
  if (!payload) return {};
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const claims: unknown = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '=')));
    if (!claims || typeof claims !== 'object') return {};
    const { exp, iat } = claims as Record<string, unknown>;
    return { exp: seconds(exp), iat: seconds(iat) };
  } catch {
    return {};
  }
}

/** The `exp` claim of a JWT, or undefined. */
export const jwtExpiry = (token: string): number | undefined => jwtTimes(token).exp;
