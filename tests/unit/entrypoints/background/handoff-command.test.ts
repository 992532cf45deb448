// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { handleCommand } from '@/entrypoints/background/handlers';
import { runDueWork } from '@/entrypoints/background/worker';
import { openHandoff } from '@/utils/handoff-bundle';
import { readAccounts, readSecrets, settingsItem } from '@/utils/extension/storage';
import { loginTimes, storedTimesSecret, useMockApi } from '../../support';
import { zh } from '../../../words';
import type { Text } from '@/utils/i18n/keys';

// The worker's `account.handoff` (issue 8) on WXT storage: the bundle holds the stored session, the
// tokens are gone, and the worker makes no request for the account afterwards.

const api = useMockApi();
const KEY = 'times:13412341234';
const PASSPHRASE = 'correct horse battery';

describe('account.handoff', () => {
  it('answers with a bundle of the stored session and deletes the tokens from storage', async () => {
    await loginTimes(api());
    const stored = await storedTimesSecret(KEY);

    const reply = await handleCommand({ type: 'account.handoff', key: KEY, passphrase: PASSPHRASE });

    expect(reply.ok).toBe(true);
    const { bundle } = (reply as { data: { bundle: string } }).data;
    expect((await openHandoff(bundle, PASSPHRASE)).secret).toEqual(stored);
    expect(await readSecrets()).toEqual({});
    expect(await readAccounts()).toMatchObject([{ key: KEY, session: 'handed-off' }]);
    expect(JSON.stringify(reply)).not.toContain(stored.refreshToken);
  });

  it('makes no request for the account afterwards, whatever is due', async () => {
    await loginTimes(api());
    await handleCommand({ type: 'account.handoff', key: KEY, passphrase: PASSPHRASE });
    const before = api().requests.length;
    api().times.expireAccessTokens();
    await settingsItem.setValue({ ...(await settingsItem.getValue()), checkinTime: '00:00' });

    await runDueWork();
    const button = await handleCommand({ type: 'checkin.run', key: KEY });

    expect(button).toMatchObject({ ok: false, error: { key: 'error.handedOff' } });
    expect(zh((button as { error: Text }).error)).toMatch(/迁移/);
    expect(api().requests.length).toBe(before);
  });

  it('refuses a short passphrase with a message and keeps the session', async () => {
    await loginTimes(api());
    expect(await handleCommand({ type: 'account.handoff', key: KEY, passphrase: 'short' })).toEqual({ ok: false, error: { key: 'validation.passphrase', params: { min: 8 } } });
    expect(Object.keys(await readSecrets())).toEqual([KEY]);
  });
});
