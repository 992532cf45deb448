// @vitest-environment node
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startMockApi, type MockApi } from '../mock-api/server';
import { launchExtension, type ExtensionSession } from './harness/browser';
import { ensureFreshBuild } from './harness/build';
import { saveOptions } from './harness/flows';
import { PopupPage } from './harness/popup-page';
import { observe } from './harness/wait';

// The SMS-code button of the Times login form. Each code the server sends replaces the previous one,
// so a second request while the first is on its way makes the code the user receives first useless.

const PHONE = '13412341234';

let mock: MockApi;
let session: ExtensionSession | undefined;

beforeAll(async () => {
  ensureFreshBuild();
  mock = await startMockApi();
});
beforeEach(() => mock.reset());
afterEach(async () => {
  await session?.close();
  session = undefined;
});
afterAll(() => mock?.close());

describe('Times send-code button', () => {
  it('asks for one SMS code when the button is double-clicked', async () => {
    session = await launchExtension();
    await saveOptions(session, { timesBaseUrl: mock.url });
    const popup = await PopupPage.open(session);
    await popup.openTimesLogin(PHONE);

    // A double click is how many people press buttons; both clicks land before the first reply.
    await popup.sendCodeButton.dblclick();

    const sends = await observe(() => mock.hits('times.send').length, 2_000);
    expect(sends.at(-1)).toBe(1);
  });
});
