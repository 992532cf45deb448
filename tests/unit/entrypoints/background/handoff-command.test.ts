// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { handleCommand } from '@/entrypoints/background/handlers';
import { runDueWork } from '@/entrypoints/background/worker';
import { createTimesClient } from '@/utils/api/times';
import { openHandoff } from '@/utils/handoff-bundle';
import { readAccounts, readSecrets, settingsItem } from '@/utils/extension/storage';
import { loginTimes, storedTimesSecret, useMockApi } from '../../support';
import { zh } from '../../../words';
import type { Text } from '@/utils/i18n/keys';

// The worker's hand-off commands (issues 8 and 13) on WXT storage, against the mock API: the bundle
// holds the stored session and can be asked for again; the account makes no request while it is being
// handed off; a confirmation deletes the tokens; a take-back refreshes once, spending the bundle.

const api = useMockApi();
const KEY = 'times:13412341234';
const PASSPHRASE = 'correct horse battery';

async function handOff(): Promise<string> {
  const reply = await handleCommand({ type: 'account.handoff', key: KEY, passphrase: PASSPHRASE });
  expect(reply.ok).toBe(true);
  return (reply as { data: { bundle: string } }).data.bundle;
}

describe('account.handoff', () => {
  it('answers with a bundle of the stored session, keeps it until confirmed, and shows it again', async () => {
    await loginTimes(api());
    const stored = await storedTimesSecret(KEY);

    const bundle = await handOff();

    expect((await openHandoff(bundle, PASSPHRASE)).secret).toEqual(stored);
    expect(await readAccounts()).toMatchObject([{ key: KEY, session: 'handing-off' }]);
    expect(await handleCommand({ type: 'account.handoffBundle', key: KEY })).toEqual({ ok: true, data: { bundle } });
    expect(await handleCommand({ type: 'account.handoffConfirm', key: KEY })).toEqual({ ok: true, data: { confirmed: true } });
    expect(await readSecrets()).toEqual({});
    expect(await readAccounts()).toMatchObject([{ key: KEY, session: 'handed-off' }]);
  });

  it('makes no request for the account while it is handed off or being handed off, whatever is due', async () => {
    await loginTimes(api());
    await handOff();
    const before = api().requests.length;
    api().times.expireAccessTokens();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), checkinTime: '00:00' });

    await runDueWork();
    const waiting = await handleCommand({ type: 'checkin.run', key: KEY });
    await handleCommand({ type: 'account.handoffConfirm', key: KEY });
    await runDueWork();
    const button = await handleCommand({ type: 'checkin.run', key: KEY });

    expect(waiting).toMatchObject({ ok: false, error: { key: 'error.handingOff' } });
    expect(button).toMatchObject({ ok: false, error: { key: 'error.handedOff' } });
    expect(zh((button as { error: Text }).error)).toMatch(/迁移/);
    expect(api().requests.length).toBe(before);
  });

  it("takes it back with one refresh, after which the bundle's refresh token is refused by the server", async () => {
    await loginTimes(api());
    const bundle = await handOff();

    expect(await handleCommand({ type: 'account.handoffTakeBack', key: KEY })).toEqual({ ok: true, data: { session: 'active' } });

    expect(await readAccounts()).toMatchObject([{ key: KEY, session: 'active' }]);
    const { secret } = await openHandoff(bundle, PASSPHRASE);
    const now = await storedTimesSecret(KEY);
    expect(now.refreshToken).not.toBe(secret.refreshToken);
    expect(now).not.toHaveProperty('handoff');
    // What a runner importing the bundle now would send: the spent token, refused.
    await expect(createTimesClient(api().url).refreshToken(secret.refreshToken)).rejects.toMatchObject({ kind: 'unauthorized' });
  });

  it('refuses a short passphrase with a message and keeps the session', async () => {
    await loginTimes(api());
    expect(await handleCommand({ type: 'account.handoff', key: KEY, passphrase: 'short' })).toEqual({ ok: false, error: { key: 'validation.passphrase', params: { min: 8 } } });
    expect(Object.keys(await readSecrets())).toEqual([KEY]);
  });
});
