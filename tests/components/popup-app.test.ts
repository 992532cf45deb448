import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import App from '@/entrypoints/popup/App.vue';
import { accountsItem, type Account } from '@/utils/storage';
import { fakeWorker } from './support';

const byId = (id: string) => `[data-testid="${id}"]`;
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0 };

async function mountPopup(accounts: Account[]) {
  await accountsItem.setValue(accounts);
  const wrapper = mount(App, { global: { plugins: [createPinia()] } });
  await flushPromises();
  return wrapper;
}

describe('popup', () => {
  it('lists the stored accounts and follows changes the worker makes', async () => {
    const wrapper = await mountPopup([times]);
    expect(wrapper.findAll(byId('account-item'))).toHaveLength(1);
    await accountsItem.setValue([]);
    await flushPromises();
    expect(wrapper.findAll(byId('account-item'))).toHaveLength(0);
  });

  it('offers a new login only where the session ended, with the phone filled in', async () => {
    const wrapper = await mountPopup([times, { ...times, key: 'times:13500000000', phone: '13500000000', session: 'relogin' }]);
    const buttons = wrapper.findAll(byId('relogin-button'));
    expect(buttons).toHaveLength(1);
    await buttons[0].trigger('click');
    expect((wrapper.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13500000000');
  });

  it('offers a new Homing login for an expired session, with the mobile filled in', async () => {
    const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1', server: 'https://homing.example.com', via: 'sms', session: 'expired', addedAt: 0 };
    const wrapper = await mountPopup([homing]);
    await wrapper.find(byId('relogin-button')).trigger('click');
    expect(wrapper.find(byId('login-mode-sms')).exists()).toBe(true);
    expect((wrapper.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13800138000');
  });

  it('comes back with the phone and the running countdown when reopened after sending a code', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { sent: true } }));
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await first.find(byId('phone-input')).setValue('13412341234');
    await first.find(byId('send-code')).trigger('click');
    await flushPromises();
    first.unmount(); // the resident clicked elsewhere to read the SMS: the popup closed

    const again = await mountPopup([]);
    expect((again.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13412341234');
    const button = again.find(byId('send-code'));
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toMatch(/秒后重发/);
    expect(sent).toHaveLength(1);
  });

  it('opens on the account list again once the login form is cancelled', async () => {
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await first.find('.add-account .link').trigger('click');
    first.unmount();
    const again = await mountPopup([]);
    expect(again.find(byId('phone-input')).exists()).toBe(false);
    expect(again.find(byId('add-account')).exists()).toBe(true);
  });

  it('shows the worker\'s error as text in an alert after a failed check-in', async () => {
    fakeWorker(() => ({ ok: false, error: '服务器暂时不可用 (HTTP 502)' }));
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('checkin-button')).trigger('click');
    await flushPromises();
    const alert = wrapper.find(byId('error-message'));
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('服务器暂时不可用 (HTTP 502)');
  });
});
