import { flushPromises, mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AccountList from '@/components/AccountList.vue';
import HandoffPanel from '@/components/HandoffPanel.vue';
import type { Account } from '@/utils/storage-schema';
import { fakeWorker } from './support';

// "Move to an always-on device" in the popup (issue 8): passphrase, the worker's bundle shown once in a
// read-only field, nothing sent for a short passphrase.

const KEY = 'times:13412341234';
const BUNDLE = 'linli-handoff.1.600000.salt.iv.sealed';
const byId = (id: string) => `[data-testid="${id}"]`;

function mountPanel(handedOff = false) {
  return mount(HandoffPanel, { props: { accountKey: KEY, handedOff, busy: false } });
}

/** Opens the panel, types the passphrase and confirms, as a person would. */
async function handOff(wrapper: ReturnType<typeof mountPanel>, passphrase: string) {
  await wrapper.find(byId('handoff-button')).trigger('click');
  await wrapper.find(byId('handoff-passphrase')).setValue(passphrase);
  await wrapper.find(byId('handoff-confirm')).trigger('submit');
  await flushPromises();
}

describe('hand-off panel', () => {
  it('asks for a passphrase, sends it with the account, and shows the bundle read-only', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const wrapper = mountPanel();

    await handOff(wrapper, 'correct horse battery');

    expect(sent).toEqual([{ type: 'account.handoff', key: KEY, passphrase: 'correct horse battery' }]);
    const field = wrapper.find(byId('handoff-bundle'));
    expect((field.element as HTMLTextAreaElement).value).toBe(BUNDLE);
    expect(field.attributes('readonly')).toBeDefined();
    expect(wrapper.find(byId('handoff-passphrase')).exists()).toBe(false);
    // The account turning handed-off (storage watch) keeps the bundle on screen.
    await wrapper.setProps({ handedOff: true });
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(true);
  });

  it('refuses a short passphrase on the spot and sends nothing', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { bundle: BUNDLE } }));
    const wrapper = mountPanel();
    await handOff(wrapper, 'short');

    expect(sent).toEqual([]);
    expect(wrapper.find('[role="alert"]').text()).toMatch(/至少 8 个字符/);
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(false);
  });

  it("shows the worker's refusal and no bundle", async () => {
    fakeWorker(() => ({ ok: false, error: { key: 'error.handoffNoSession' } }));
    const wrapper = mountPanel();
    await handOff(wrapper, 'correct horse battery');

    expect(wrapper.find('[role="alert"]').text()).toContain('无法迁移');
    expect(wrapper.find(byId('handoff-bundle')).exists()).toBe(false);
  });

  it('offers no hand-off for an account already handed off; the list shows it handed-off with a way back', () => {
    expect(mountPanel(true).find(byId('handoff-button')).exists()).toBe(false);
    const account: Account = { provider: 'times', key: KEY, phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'handed-off', addedAt: 0 };
    const list = mount(AccountList, { props: { accounts: [account], records: {}, busy: [] } });
    expect(list.find(byId('session-status')).attributes('data-state')).toBe('handed-off');
    expect(list.find(byId('checkin-button')).attributes('disabled')).toBeDefined();
    expect(list.find(byId('relogin-button')).exists()).toBe(true);
    expect(list.find(byId('handoff-button')).exists()).toBe(false);
    expect(mount(AccountList, { props: { accounts: [{ ...account, session: 'active' }], records: {}, busy: [] } }).find(byId('handoff-button')).exists()).toBe(true);
  });
});
