import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealHandoff } from '@/utils/handoff-bundle';
import { mockClient } from '../mock-api/test-client';
import { readState, useRunner } from './support';

// `import`: a hand-off bundle made by the extension (utils/handoff-bundle.ts, the same code), then `run` checks
// the account in from the runner. A wrong passphrase or a changed bundle is refused, nothing stored.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const PASSPHRASE = 'correct horse battery';
const runner = useRunner();

/** The refresh token in the last bundle made. */
let carriedRefresh = '';

/** A bundle as the extension makes it, of a session logged in at the mock. */
async function bundleOf(phone: string): Promise<string> {
  const { token, refresh } = await mockClient(() => runner.mock).timesLogin(phone);
  runner.secrets.add(token).add(refresh);
  carriedRefresh = refresh;
  const now = Date.now();
  return sealHandoff(
    {
      account: { phone, memberId: runner.mock.times.memberId(phone), server: new URL(runner.mock.url).origin, nickname: 'Mum', addedAt: now - 86_400_000 },
      secret: { provider: 'times', baseUrl: runner.mock.url, token, refreshToken: refresh, tokenHead: 'Bearer ', obtainedAt: now, expiresAt: now + 8 * 3600_000 },
      exportedAt: now,
    },
    PASSPHRASE,
  );
}

describe('runner: import', () => {
  it('imports a bundle and its passphrase from standard input, then run checks the account in', async () => {
    const bundle = await bundleOf(PHONE);

    const imported = await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n` });
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stdout).toContain('134****1234');
    expect(readState(runner.state).accounts).toEqual([expect.objectContaining({ key: KEY, session: 'active' })]);

    const run = await runner.run(['run']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^Mum: checked in today/m);
    expect(runner.mock.hits('times.collect')).toHaveLength(1);
  });

  it('imports a bundle from a file with --passphrase', async () => {
    const file = join(runner.state, '..', 'bundle.txt');
    writeFileSync(file, `${await bundleOf(PHONE)}\n`);
    const imported = await runner.run(['import', file, '--passphrase', PASSPHRASE]);
    expect(imported.code, imported.stderr).toBe(0);
    expect(readState(runner.state).accounts).toHaveLength(1);
  });

  it('refuses a wrong passphrase and a changed bundle, storing nothing', async () => {
    const bundle = await bundleOf(PHONE);
    const wrong = await runner.run(['import'], { input: `${bundle}\nnot the passphrase\n` });
    const changed = bundle.slice(0, -6) + (bundle.at(-6) === 'A' ? 'B' : 'A') + bundle.slice(-5);
    const tampered = await runner.run(['import'], { input: `${changed}\n${PASSPHRASE}\n` });
    const cut = await runner.run(['import', '--passphrase', PASSPHRASE], { input: `${bundle.slice(0, 60)}\n` });

    expect([wrong.code, tampered.code, cut.code]).toEqual([1, 1, 1]);
    expect(wrong.stderr).toMatch(/Wrong passphrase, or the bundle was changed/);
    expect(tampered.stderr).toMatch(/Wrong passphrase, or the bundle was changed/);
    expect(cut.stderr).toMatch(/not a whole hand-off bundle/);
    expect(existsSync(runner.state) ? readState(runner.state).accounts : []).toEqual([]);
    expect(runner.mock.requests.filter((r) => r.route !== 'times.send' && r.route !== 'times.smsToken')).toHaveLength(0);
  });

  it('spends the bundle at once: one refresh, and only the new pair stored before it says done', async () => {
    const bundle = await bundleOf(PHONE);
    const imported = await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n` });
    expect(imported.code, imported.stderr).toBe(0);
    const [refresh] = runner.mock.hits('times.refresh');
    expect(runner.mock.hits('times.refresh')).toHaveLength(1);
    // The refresh sent the bundle's token; the file holds the rotated one.
    expect(new URLSearchParams(refresh.body).get('refresh_token')).toBe(carriedRefresh);
    expect(readState(runner.state).secrets[KEY].refreshToken).not.toBe(carriedRefresh);
    expect(runner.mock.requests.filter((r) => r.route === 'times.collect')).toHaveLength(0);
  });

  it('refuses the same bundle on a second device there and then, and the first home learns what the server did', async () => {
    const bundle = await bundleOf(PHONE);
    expect((await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n` })).code).toBe(0);
    const second = join(dirname(runner.state), 'second', 'state.json');

    const again = await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n`, state: second });

    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/This bundle was used already/);
    expect(existsSync(second) ? readState(second).accounts : []).toEqual([]);
    // This mock, like a server with refresh-token reuse detection, revoked the whole session: the
    // first home needs a new login, and its next run says so at once (README, "Move an account").
    expect(runner.mock.times.revokedFamilies).toBe(1);
    runner.mock.times.expireAccessTokens();
    const first = await runner.run(['run']);
    expect(first.code).toBe(2);
    expect(runner.mock.hits('times.collect')).toHaveLength(0);
  });

  it('refuses the same bundle a second time once the session it carried has moved on', async () => {
    const bundle = await bundleOf(PHONE);
    expect((await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n` })).code).toBe(0);
    runner.mock.times.expireAccessTokens();
    expect((await runner.run(['run'])).code).toBe(0); // refreshed: the bundle's refresh token is spent
    const stored = readFileSync(runner.state, 'utf8');

    const again = await runner.run(['import'], { input: `${bundle}\n${PASSPHRASE}\n` });

    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/newer session/);
    expect(readFileSync(runner.state, 'utf8')).toBe(stored);
    expect(runner.mock.times.revokedFamilies).toBe(0);
  });
});
