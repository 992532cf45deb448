import { makeJwt, randomJti } from './jwt';

// The Times token registry. Each SMS login starts a session family; refreshing rotates the refresh
// token inside the family. Presenting an already spent refresh token is treated as theft (OAuth
// refresh-token reuse detection): the whole family, access tokens included, is revoked.

interface AccessRecord {
  phone: string;
  family: number;
  expiresAt: number;
  /** Set by expireAll(): rejected whatever its exp says. */
  killed: boolean;
}

interface RefreshRecord {
  phone: string;
  family: number;
  expiresAt: number;
  spent: boolean;
}

export interface IssuedTokens {
  token: string;
  refreshToken: string;
}

export type RotateResult = { ok: true; phone: string; tokens: IssuedTokens } | { ok: false; reuse: boolean };

export interface Lifetimes {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
}

export class TokenStore {
  private readonly access = new Map<string, AccessRecord>();
  private readonly refresh = new Map<string, RefreshRecord>();
  private readonly revoked = new Set<number>();
  private nextFamily = 1;
  revokedFamilies = 0;

  /** A new session family for `phone`: what the SMS-code login hands out. */
  login(phone: string, now: number, lifetimes: Lifetimes): IssuedTokens {
    return this.issue(phone, this.nextFamily++, now, lifetimes);
  }

  /** The phone a currently valid access token belongs to, or undefined. */
  check(token: string, now: number): string | undefined {
    const record = this.access.get(token);
    if (!record || record.killed || now >= record.expiresAt || this.revoked.has(record.family)) return undefined;
    return record.phone;
  }

  rotate(refreshToken: string, now: number, lifetimes: Lifetimes): RotateResult {
    const record = this.refresh.get(refreshToken);
    if (!record || this.revoked.has(record.family) || now >= record.expiresAt) return { ok: false, reuse: false };
    if (record.spent) {
      this.revoked.add(record.family);
      this.revokedFamilies += 1;
      return { ok: false, reuse: true };
    }
    record.spent = true;
    return { ok: true, phone: record.phone, tokens: this.issue(record.phone, record.family, now, lifetimes) };
  }

  expireAll(): void {
    for (const record of this.access.values()) record.killed = true;
  }

  clear(): void {
    this.access.clear();
    this.refresh.clear();
    this.revoked.clear();
    this.nextFamily = 1;
    this.revokedFamilies = 0;
  }

  private issue(phone: string, family: number, now: number, lifetimes: Lifetimes): IssuedTokens {
    const iat = Math.floor(now / 1000);
    const claims = { sub: phone, user_name: phone, scope: ['all'], iat };
    const accessExp = iat + lifetimes.accessTtlSeconds;
    const refreshExp = iat + lifetimes.refreshTtlSeconds;
    const token = makeJwt({ ...claims, client_id: 'mini_charge', exp: accessExp, jti: randomJti() });
    const refreshToken = makeJwt({ ...claims, client_id: 'app_c', exp: refreshExp, jti: randomJti(), ati: randomJti() });
    this.access.set(token, { phone, family, expiresAt: accessExp * 1000, killed: false });
    this.refresh.set(refreshToken, { phone, family, expiresAt: refreshExp * 1000, spent: false });
    return { token, refreshToken };
  }
}
