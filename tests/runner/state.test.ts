import { chmodSync, mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginByCode, readState, storedTokens, useRunner } from './support';

// The state file and its lock (issue 8): a damaged file is refused and left as it is; two runs at once
// check in once; a crashed run's lock does not block the next; nothing secret is printed, --verbose
// included.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const runner = useRunner();

describe('runner: state file and lock', () => {
  it.each([
    ['cut short mid-write', (text: string) => text.slice(0, Math.floor(text.length / 2))],
    ['emptied', () => ''],
    ['of another shape', (text: string) => text.replace('"accounts": [', '"accounts": {"x": [').replace(/\]\s*,\s*"secrets"/, ']}, "secrets"')],
  ])('refuses a state file %s with a clear message, and leaves it untouched', async (_name, damage) => {
    await loginByCode(runner, PHONE);
    const damaged = damage(readFileSync(runner.state, 'utf8'));
    writeFileSync(runner.state, damaged, { mode: 0o600 });

    for (const args of [['run'], ['status'], ['login', '--phone', PHONE, '--code', '123456']]) {
      const result = await runner.run(args);
      expect(result.code, args.join(' ')).toBe(65);
      expect(result.stderr).toMatch(/state file is damaged and was left untouched/);
      expect(readFileSync(runner.state, 'utf8')).toBe(damaged);
    }
    expect(runner.mock.hits('times.collect')).toHaveLength(0);
  });

  it('refuses a state file written by a newer version', async () => {
    writeFileSync(runner.state, JSON.stringify({ format: 'linli-checkin-state', version: 2, accounts: [] }));
    const result = await runner.run(['run']);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(/newer version/);
  });

  it('checks in once when two runs start together: the second waits for the lock, then finds the day done', async () => {
    await loginByCode(runner, PHONE);
    // The check-in answers after a second: the first run is still inside its lock when the second asks.
    runner.mock.times.collectMode = 'commit-late';
    runner.mock.times.collectLateMs = 1_000;

    const results = await Promise.all([runner.run(['run']), runner.run(['run'])]);

    expect(results.map((r) => r.code)).toEqual([0, 0]);
    expect(runner.mock.hits('times.collect')).toHaveLength(1);
    expect(readState(runner.state).checkins[KEY].state).toBe('done');
  });

  it("takes over the lock of a run that crashed, instead of waiting for ever", async () => {
    await loginByCode(runner, PHONE);
    // What a killed run leaves: its lock folder, no longer touched.
    const lock = `${runner.state}.lock`;
    mkdirSync(lock);
    const minuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, minuteAgo, minuteAgo);

    const started = Date.now();
    const result = await runner.run(['run']);

    expect(result.code, result.stderr).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(runner.mock.hits('times.collect')).toHaveLength(1);
  });

  it('says at once which folder it cannot create when a part of the state path is a file', async () => {
    const file = join(dirname(runner.state), 'not-a-folder');
    writeFileSync(file, '');
    const state = join(file, 'linli', 'state.json');
    for (const args of [['run'], ['login', '--phone', PHONE, '--code', '123456'], ['remove', '--phone', PHONE]]) {
      const started = Date.now();
      const result = await runner.run(args, { state });
      expect(Date.now() - started, args.join(' ')).toBeLessThan(10_000);
      expect(result.code, args.join(' ')).toBe(65);
      expect(result.stderr).toContain(`Cannot create the state file's folder ${join(file, 'linli')}: a part of that path is a file, not a folder (ENOTDIR)`);
      expect(result.stderr).not.toMatch(/Unexpected error/);
    }
    expect(runner.mock.hits('times.smsToken')).toHaveLength(0);
  });

  it('says at once that the lock cannot be created in a read-only folder, and why', async () => {
    // Root writes anywhere: as root, the runner runs as nobody, for whom the folder is read-only.
    const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
    const folder = dirname(runner.state);
    chmodSync(folder, 0o755);
    const readOnly = join(folder, 'read-only');
    mkdirSync(readOnly, { mode: 0o555 });
    chmodSync(readOnly, 0o555);
    const state = join(readOnly, 'state.json');

    const started = Date.now();
    const result = await runner.run(['run'], { state, as });

    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.code).toBe(65);
    expect(result.stderr).toMatch(new RegExp(`Cannot create the lock ${state}\\.lock beside the state file: user \\S+ has no permission there \\(EACCES\\)`));
    expect(result.stderr).not.toMatch(/Unexpected error/);
  });

  it('prints no token, refresh token or SMS code, even with --verbose', async () => {
    const login = await loginByCode(runner, PHONE);
    runner.mock.times.expireAccessTokens();
    const results = [login, await runner.run(['run', '--verbose']), await runner.run(['status', '--verbose']), await runner.run(['status', '--json', '--verbose'])];
    const printed = results.map((r) => r.stdout + r.stderr).join('\n');
    const secrets = [...storedTokens(runner.state), runner.mock.times.lastCode(PHONE) ?? 'no code'];
    expect(secrets.length).toBe(3);
    expect(secrets.filter((secret) => printed.includes(secret))).toHaveLength(0);
    // Lines for people mask the phone; only --json's `key`, the contract's account id, carries it.
    expect(results.slice(0, 3).map((r) => r.stdout + r.stderr).join('\n')).not.toContain(PHONE);
    expect(printed).toMatch(/· lock/);
  });
});
