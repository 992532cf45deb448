// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { saveOptions } from './harness/flows';
import { useE2E } from './harness/lifecycle';
import { PopupPage } from './harness/popup-page';
import { observe } from './harness/wait';

// The SMS-code button of the Times login form. Each code the server sends replaces the previous one,
// so a second request while the first is on its way makes the code the user receives first useless.

const PHONE = '13412341234';

const e2e = useE2E();


describe('Times send-code button', () => {
  it('asks for one SMS code when the button is double-clicked', async () => {
    const session = await e2e.launch();
    await saveOptions(session, { timesBaseUrl: e2e.mock.url });
    const popup = await PopupPage.open(session);
    await popup.openTimesLogin(PHONE);

    // A double click is how many people press buttons; both clicks land before the first reply.
    await popup.sendCodeButton.dblclick();

    const sends = await observe(() => e2e.mock.hits('times.send').length, 2_000);
    expect(sends.at(-1)).toBe(1);
  });
});
