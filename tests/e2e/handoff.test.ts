// @vitest-environment node
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ensureRunnerBuilt, spawnRunner } from '../runner/support';
import { checkinTimeNotYetDue, loginTimes, saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { readStorage } from './harness/storage';
import { observe } from './harness/wait';

// The hand-off from the extension to the always-on runner (issues 8 and 13), end to end: the popup's
// "move to an always-on device" gives a bundle that survives the popup closing, the built runner
// imports it and checks the account in, the user confirms the import, and the extension makes no
// further request for that account, even when it restarts with a check-in due.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const PASSPHRASE = 'correct horse battery';
const e2e = useE2E();

describe('hand-off to the runner', () => {
  it('moves the session with a bundle; the runner checks in, the extension asks nothing more for it', async () => {
    ensureRunnerBuilt();
    const profile = mkdtempSync(join(tmpdir(), 'linli-e2e-handoff-'));
    try {
      const s = await e2e.launch({ userDataDir: profile });
      // Not due in the browser: the one check-in of the day must be the runner's.
      await saveOptions(s, { timesBaseUrl: e2e.mock.url, checkinTime: await checkinTimeNotYetDue(), randomDelayMinutes: 0 });
      const { popup, item } = await loginTimes(s, e2e.mock, PHONE);

      await item.handoff('button').click();
      await item.handoff('passphrase').fill(PASSPHRASE);
      await item.handoff('confirm').click();
      const field = item.handoff('bundle');
      await field.waitFor();
      const bundle = await field.inputValue();
      expect(await field.getAttribute('readonly')).not.toBeNull();
      // Handing off: the session stays here, untouched, until the import is confirmed.
      await expect.poll(() => item.sessionStatus.getAttribute('data-state')).toBe('handing-off');
      expect((await readStorage(s.worker)).secretKeys).toContain(KEY);
      await item.handoff('copy').waitFor();
      await item.handoff('save').waitFor();
      if (process.env.E2E_SCREENSHOT) await popup.page.screenshot({ path: process.env.E2E_SCREENSHOT });

      // The popup closes (the user clicked the terminal): reopened, the same bundle is there to show.
      await popup.page.close();
      const requestsWhileHanding = e2e.mock.requests.length;
      const back = await PopupPage.open(s);
      const waiting = back.timesAccount(PHONE);
      await waiting.handoff('show').click();
      expect(await waiting.handoff('bundle').inputValue()).toBe(bundle);

      const state = join(profile, 'runner-state.json');
      const env = { HOME: profile, LANG: 'C.UTF-8', LINLI_BASE_URL: e2e.mock.url, LINLI_CHECKIN_TIME: '00:00', LINLI_RANDOM_DELAY: '0' };
      const importing = spawnRunner(state, ['import'], env);
      importing.child.stdin?.end(`${bundle}\n${PASSPHRASE}\n`);
      const imported = await importing.done;
      expect(imported.code, imported.stderr).toBe(0);
      const run = spawnRunner(state, ['run'], env);
      run.child.stdin?.end();
      const ran = await run.done;
      expect(ran.code, ran.stderr).toBe(0);
      expect(e2e.mock.hits('times.collect')).toHaveLength(1);
      expect(e2e.mock.times.revokedFamilies).toBe(0);

      // Imported: the user says so, and the tokens here go. Nothing was asked for it meanwhile but the runner's.
      const byBrowser = (request: { headers: Record<string, unknown> }) => String(request.headers['user-agent'] ?? '').includes('Chrome');
      expect(e2e.mock.requests.slice(0, requestsWhileHanding).some(byBrowser)).toBe(true); // the login's: the filter sees them
      expect(e2e.mock.requests.slice(requestsWhileHanding).filter(byBrowser)).toEqual([]);
      await waiting.handoff('done').click();
      await expect.poll(() => waiting.sessionStatus.getAttribute('data-state')).toBe('handed-off');
      await expect.poll(async () => (await readStorage(s.worker)).secretKeys).not.toContain(KEY);

      // A check-in that would be due now in the browser, and a restart (which runs overdue work).
      await saveOptions(s, { checkinTime: '00:00' });
      await e2e.closeBrowser();
      const requests = e2e.mock.requests.length;
      const again = await e2e.launch({ userDataDir: profile });
      expect(await observe(() => e2e.mock.requests.length, 4_000)).toEqual([requests]);
      const reopened = await PopupPage.open(again);
      await expect.poll(() => reopened.timesAccount(PHONE).sessionStatus.getAttribute('data-state')).toBe('handed-off');
      expect(await reopened.timesAccount(PHONE).checkinButton.isDisabled()).toBe(true);
      expect(e2e.mock.requests.length).toBe(requests);
    } finally {
      await e2e.closeBrowser();
      rmSync(profile, { recursive: true, force: true });
    }
  }, 120_000);
});
