import { flushPromises, mount } from '@vue/test-utils';
import { createPinia, setActivePinia } from 'pinia';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import AccountList from '@/components/AccountList.vue';
import HandoffPanel from '@/components/HandoffPanel.vue';
import { useUiStore } from '@/stores/ui';
import type { Account } from '@/utils/storage-schema';
import type { SessionView } from '@/utils/views/account-view';
import { fakeWorker } from './support';
import { zh } from '../words';

// "Move to an always-on device" in the popup (issues 8 and 13): a passphrase, then the worker's bundle
// in a read-only field with Copy and Save; the account stays handing off, its bundle can be shown again,
// until the import is confirmed or the session taken back. Nothing sent for a short passphrase.

const KEY = 'times:13412341234';
const BUNDLE = 'linli-handoff.1.600000.salt.iv.sealed';
const byId = (id: string) => `[data-testid="${id}"]`;

let pinia: ReturnType<typeof createPinia>;
beforeEach(() => {
  pinia = createPinia();
  setActivePinia(pinia);
});
afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function mountPanel(session: SessionView = 'active') {
  return mount(HandoffPanel, { props: { accountKey: KEY, name: '134****1234', session, busy: false }, global: { plugins: [pinia] }, attachTo: document.body });
}

/** Opens the panel, types the passphrase and confirms, as a person would. */
async function handOff(wrapper: ReturnType<typeof mountPanel>, passphrase: string) {
  await wrapper.find(byId('handoff-button')).trigger('click');
  await wrapper.find(byId('handoff-passphrase')).setValue(passphrase);
  await wrapper.find(byId('handoff-confirm')).trigger('submit');
  await flushPromises();
}

const focused = () => (document.activeElement as HTMLElement | null)?.dataset.testid;

describe('hand-off panel', () => {
  it('asks for a passphrase, sends it with the account, and shows the bundle read-only with the focus on it', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const wrapper = mountPanel();

    await handOff(wrapper, 'correct horse battery');

    expect(sent).toEqual([{ type: 'account.handoff', key: KEY, passphrase: 'correct horse battery' }]);
    const field = wrapper.find(byId('handoff-bundle'));
    expect((field.element as HTMLTextAreaElement).value).toBe(BUNDLE);
    expect(field.attributes('readonly')).toBeDefined();
    expect(focused()).toBe('handoff-bundle');
    expect(wrapper.find(byId('handoff-copy')).exists()).toBe(true);
    expect(wrapper.find(byId('handoff-save')).exists()).toBe(true);
    expect(wrapper.find(byId('handoff-passphrase')).exists()).toBe(false);
    // The account turning handing-off (storage watch) keeps the bundle on screen.
    await wrapper.setProps({ session: 'handing-off' });
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(true);
    expect(wrapper.text()).toMatch(/刷新.*便无法收回/);
  });

  it('refuses a short passphrase on the spot, sends nothing and keeps the focus in the field', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const wrapper = mountPanel();
    await handOff(wrapper, 'short');

    expect(sent).toEqual([]);
    expect(wrapper.find('[role="alert"]').text()).toMatch(/至少 8 个字符/);
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(false);
    expect(focused()).toBe('handoff-passphrase');
  });

  it("shows the worker's refusal and no bundle, the focus back in the passphrase", async () => {
    fakeWorker(() => ({ ok: false, error: { key: 'error.handoffNoSession' } }));
    const wrapper = mountPanel();
    await handOff(wrapper, 'correct horse battery');

    expect(wrapper.find('[role="alert"]').text()).toContain('无法迁移');
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(false);
    expect(focused()).toBe('handoff-passphrase');
  });

  it('gives the focus back to its button when closed with Cancel or Escape', async () => {
    const wrapper = mountPanel();
    await wrapper.find(byId('handoff-button')).trigger('click');
    await flushPromises();
    expect(focused()).toBe('handoff-passphrase');
    await wrapper.find(byId('handoff-passphrase')).trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(focused()).toBe('handoff-button');
  });

  it('shows the bundle again after the popup closed, from the worker, until the import is confirmed', async () => {
    const sent = fakeWorker((command) =>
      command.type === 'account.handoffBundle' ? { ok: true, data: { bundle: BUNDLE } } : { ok: true, data: { confirmed: true } },
    );
    const wrapper = mountPanel('handing-off');
    expect(wrapper.find(byId('handoff-button')).exists()).toBe(false);

    await wrapper.find(byId('handoff-show')).trigger('click');
    await flushPromises();
    expect((wrapper.find(byId('handoff-bundle')).element as HTMLTextAreaElement).value).toBe(BUNDLE);
    expect(focused()).toBe('handoff-bundle');

    await wrapper.find(byId('handoff-done')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([
      { type: 'account.handoffBundle', key: KEY },
      { type: 'account.handoffConfirm', key: KEY },
    ]);
    expect(wrapper.emitted('handedOff')).toHaveLength(1);
    expect(zh(useUiStore().notice)).toMatch(/已迁移/);
  });

  it('copies the bundle, and says how when the clipboard refuses', async () => {
    fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const writeText = vi.fn<(text: string) => Promise<void>>(async () => undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const wrapper = mountPanel();
    await handOff(wrapper, 'correct horse battery');

    await wrapper.find(byId('handoff-copy')).trigger('click');
    await flushPromises();
    expect(writeText).toHaveBeenCalledWith(BUNDLE);
    expect(wrapper.find('[role="status"]').text()).toBe('已复制');

    writeText.mockRejectedValueOnce(new DOMException('denied', 'NotAllowedError'));
    await wrapper.find(byId('handoff-copy')).trigger('click');
    await flushPromises();
    expect(wrapper.find('[role="alert"]').text()).toMatch(/Ctrl\+C/);
    expect(focused()).toBe('handoff-bundle');
  });

  it('saves the bundle as a text file named without the full phone number', async () => {
    fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const files: string[] = [];
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:bundle'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push(this.download);
    });
    const wrapper = mountPanel();
    await handOff(wrapper, 'correct horse battery');

    await wrapper.find(byId('handoff-save')).trigger('click');

    expect(files).toEqual(['邻里签到迁移包-134xxxx1234.txt']);
    expect((await blobs[0].text()).trim()).toBe(BUNDLE);
  });

  it('takes the session back: the panel turns back into its button, which takes the focus', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { session: 'active' } }));
    const wrapper = mountPanel('handing-off');

    await wrapper.find(byId('handoff-take-back')).trigger('click');
    await flushPromises();
    await wrapper.setProps({ session: 'active' });
    await flushPromises();

    expect(sent).toEqual([{ type: 'account.handoffTakeBack', key: KEY }]);
    expect(zh(useUiStore().notice)).toMatch(/已收回/);
    expect(focused()).toBe('handoff-button');
  });

  it('says plainly when it is too late to take back: the runner refreshed the session first', async () => {
    fakeWorker(() => ({ ok: true, data: { session: 'handed-off' } }));
    const wrapper = mountPanel('handing-off');

    await wrapper.find(byId('handoff-take-back')).trigger('click');
    await flushPromises();

    expect(zh(useUiStore().error?.text)).toMatch(/无法收回.*已刷新过/);
    expect(wrapper.emitted('handedOff')).toHaveLength(1);
  });
});

describe('an account handing off or handed off, in the list', () => {
  const account: Account = { provider: 'times', key: KEY, phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'handed-off', addedAt: 0 };
  const list = (session: 'active' | 'handing-off' | 'handed-off') =>
    mount(AccountList, { props: { accounts: [{ ...account, session }], records: {}, busy: [] }, global: { plugins: [pinia] } });

  it('shows a hand-off waiting for confirmation as its own state, with no check-in and no second login', () => {
    const item = list('handing-off');
    expect(item.find(byId('session-status')).attributes('data-state')).toBe('handing-off');
    expect(item.find(byId('session-status')).text()).toMatch(/迁移中/);
    expect(item.find(byId('checkin-button')).attributes('disabled')).toBeDefined();
    expect(item.find(byId('relogin-button')).exists()).toBe(false);
    expect(item.find(byId('handoff-take-back')).exists()).toBe(true);
  });

  it('offers no hand-off for an account already handed off; the list shows it handed-off with a way back', () => {
    const item = list('handed-off');
    expect(item.find(byId('session-status')).attributes('data-state')).toBe('handed-off');
    expect(item.find(byId('checkin-button')).attributes('disabled')).toBeDefined();
    expect(item.find(byId('relogin-button')).exists()).toBe(true);
    expect(item.find(byId('handoff-button')).exists()).toBe(false);
    expect(list('active').find(byId('handoff-button')).exists()).toBe(true);
  });
});
