import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it, vi } from 'vitest';
import { storage } from 'wxt/utils/storage';
import App from '@/entrypoints/popup/App.vue';
import { chinaDate } from '@/utils/china-time';
import { nextCheckinAt } from '@/utils/core/rules/checkin-schedule';
import { accountsItem, checkinsItem, memberItem, settingsItem } from '@/utils/extension/storage';
import { STORED } from '@/utils/extension/storage-keys';
import { DRAFT_IDLE_MS } from '@/utils/views/login-draft';
import { DEFAULT_SETTINGS, loginDraftSchema, type Account } from '@/utils/storage-schema';
import { text } from '@/utils/i18n/keys';
import { fakeWorker } from './support';

const byId = (id: string) => `[data-testid="${id}"]`;
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0 };

/** Waits for the login forms, which the popup loads only when one opens (a dynamic import). */
async function settle() {
  await flushPromises();
  await vi.dynamicImportSettled();
  await flushPromises();
}

async function mountPopup(accounts: Account[]) {
  await accountsItem.setValue(accounts);
  const wrapper = mount(App, { global: { plugins: [createPinia()] } });
  await settle();
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
    await settle();
    expect((wrapper.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13500000000');
  });

  it('offers a new Homing login for an expired session, with the mobile filled in', async () => {
    const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1', server: 'https://homing.example.com', via: 'sms', session: 'expired', addedAt: 0 };
    const wrapper = await mountPopup([homing]);
    await wrapper.find(byId('relogin-button')).trigger('click');
    await settle();
    expect(wrapper.find(byId('login-mode-sms')).exists()).toBe(true);
    expect((wrapper.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13800138000');
  });

  it('comes back with the phone and the running countdown when reopened after sending a code', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { sent: true } }));
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await settle();
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

  it('does not reopen a login that completed after the popup closed on it', async () => {
    let answer: (reply: { ok: true; data: { key: string } }) => void = () => undefined;
    fakeWorker((command) => (command.type === 'times.login' ? new Promise((resolve) => (answer = resolve)) : { ok: true, data: { sent: true } }));
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await settle();
    await first.find(byId('phone-input')).setValue('13412341234');
    await first.find(byId('send-code')).trigger('click');
    await first.find(byId('code-input')).setValue('123456');
    await first.find('form').trigger('submit');
    await flushPromises();
    first.unmount(); // closed while the login was on its way
    // The worker finishes the login meanwhile: the account is active.
    answer({ ok: true, data: { key: times.key } });
    await flushPromises();

    const again = await mountPopup([times]);
    expect(again.find(byId('phone-input')).exists()).toBe(false);
    expect(again.find(byId('add-account')).exists()).toBe(true);
    expect(loginDraftSchema.parse(await storage.getItem(STORED.loginDraft))).toMatchObject({ open: false });
  });

  it('lets an abandoned login form go: opened, no code sent, left alone for long', async () => {
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await settle();
    await first.find(byId('phone-input')).setValue('134');
    first.unmount();
    const stored = loginDraftSchema.parse(await storage.getItem(STORED.loginDraft));
    await storage.setItem(STORED.loginDraft, { ...stored, at: Date.now() - DRAFT_IDLE_MS - 1 });

    const again = await mountPopup([]);
    expect(again.find(byId('phone-input')).exists()).toBe(false);
    expect(again.find(byId('add-account')).exists()).toBe(true);
  });

  it('says in one line what it does and when while there is no account, and hides the add hint with its button', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, checkinTime: '07:30' });
    const wrapper = await mountPopup([]);
    expect(wrapper.find(byId('intro')).text()).toBe('每天 07:30（中国时间）自动签到，浏览器开着即可。');
    expect(wrapper.find('.empty').exists()).toBe(true);
    await wrapper.find(byId('add-account')).trigger('click');
    await settle();
    expect(wrapper.find(byId('add-account')).exists()).toBe(false);
    expect(wrapper.find('.empty').exists()).toBe(false);
    expect((await mountPopup([times])).find(byId('intro')).exists()).toBe(false);
  });

  it('opens on the account list again once the login form is cancelled', async () => {
    const first = await mountPopup([]);
    await first.find(byId('add-account')).trigger('click');
    await settle();
    const cancel = first.findAll('.add-account button').find((button) => button.text() === '取消');
    await cancel!.trigger('click');
    first.unmount();
    const again = await mountPopup([]);
    expect(again.find(byId('phone-input')).exists()).toBe(false);
    expect(again.find(byId('add-account')).exists()).toBe(true);
  });

  it('says 今日已签过 when 立即签到 is pressed on a day already checked in', async () => {
    await checkinsItem.setValue({ [times.key]: { date: chinaDate(Date.now()), state: 'done', attempts: 1, at: Date.now() } });
    const sent = fakeWorker(() => ({ ok: true, data: { state: 'done' } }));
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('checkin-button')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([{ type: 'checkin.run', key: times.key }]);
    expect(wrapper.find(byId('notice')).text()).toBe('今日已签过');
  });

  it('says a network failure once: on the card, not again above the list', async () => {
    const network = text('error.network');
    fakeWorker(async () => {
      // The worker records the failed day before it answers.
      await checkinsItem.setValue({ [times.key]: { date: chinaDate(Date.now()), state: 'failed', attempts: 1, at: Date.now(), error: network, nextRetryAt: Date.now() + 300_000 } });
      return { ok: false, error: network };
    });
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('checkin-button')).trigger('click');
    await flushPromises();
    expect(wrapper.text().match(/网络连接失败/g)).toHaveLength(1);
    expect(wrapper.find(byId('checkin-status')).attributes('data-state')).toBe('failed');
  });

  it('says an ended session once on its card', async () => {
    const unauthorized = text('error.unauthorized');
    fakeWorker(async () => {
      await checkinsItem.setValue({ [times.key]: { date: chinaDate(Date.now()), state: 'failed', attempts: 1, at: Date.now(), error: unauthorized, lost: true, relogin: true } });
      await accountsItem.setValue([{ ...times, session: 'relogin' }]);
      return { ok: false, error: unauthorized };
    });
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('checkin-button')).trigger('click');
    await flushPromises();
    expect(wrapper.text().match(/失效|重新登录|Log in again/g)).toEqual(['失效', '重新登录']); // the state, and the button
    expect(wrapper.find(byId('checkin-status')).attributes('data-state')).toBe('relogin');
    expect(wrapper.find(byId('checkin-status')).text()).toBe('今日未签到');
    expect(wrapper.find(byId('session-status')).attributes('data-state')).toBe('expired');
  });

  it('shows the worker\'s error as text in an alert after a failed check-in', async () => {
    fakeWorker(() => ({ ok: false, error: { key: 'error.unavailable', params: { status: 502 } } }));
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('checkin-button')).trigger('click');
    await flushPromises();
    const alert = wrapper.find(byId('error-message'));
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toBe('服务器暂时不可用 (HTTP 502)');
  });
});

describe('popup: the service status and 邦豆', () => {
  const today = chinaDate(Date.now());
  const week = [5, 5, 10, 5, 5, 5, 20].map((reward, i) => ({ day: i + 1, reward, complete: i < 2 }));

  it('claims waiting 邦豆 through the worker and says how many', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { claimed: 15 } }));
    await memberItem.setValue({ [times.key]: { unclaimed: { points: 15, readAt: Date.now() } } });
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('claim-button')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([{ type: 'points.claim', key: times.key }]);
    expect(wrapper.find(byId('notice')).text()).toBe('已领取 15 邦豆');
  });

  it('renames an account through the worker with Enter', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { renamed: true } }));
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('nickname-edit')).trigger('click');
    await wrapper.find(byId('nickname-input')).setValue('妈妈');
    await wrapper.find(byId('nickname-input')).trigger('keydown', { key: 'Enter' });
    await flushPromises();
    expect(sent).toEqual([{ type: 'account.rename', key: times.key, nickname: '妈妈' }]);
  });

  it('removes an account only once the removal is confirmed', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { removed: true } }));
    const wrapper = await mountPopup([times]);
    await wrapper.find(byId('logout-button')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([]);
    await wrapper.find(byId('confirm-remove')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([{ type: 'account.remove', key: times.key }]);
  });

  it('follows the member info and the settings the worker writes', async () => {
    const wrapper = await mountPopup([times]);
    expect(wrapper.find(byId('streak')).exists()).toBe(false);
    await memberItem.setValue({ [times.key]: { status: { date: today, signed: true, streak: 2, week, todayReward: 5, readAt: Date.now() } } });
    await flushPromises();
    expect(wrapper.find(byId('streak')).text()).toBe('2');
    expect(wrapper.find(byId('today-reward')).text()).toBe('5');

    for (const checkinTime of ['23:59', '06:30']) {
      const settings = { ...DEFAULT_SETTINGS, checkinTime, randomDelayMinutes: 0 };
      await settingsItem.setValue(settings);
      await flushPromises();
      const expected = nextCheckinAt({ key: times.key, canCheckIn: true }, settings, Date.now());
      const shown = Number(wrapper.find(byId('next-checkin')).attributes('data-at'));
      // A moment already past (06:30 with nothing done yet) is shown as now: overdue work runs at once.
      if (expected > Date.now()) expect(shown).toBe(expected);
      else expect(shown).toBeGreaterThan(expected);
    }
  });

  it('leaves out a damaged member entry and keeps the others', async () => {
    const other: Account = { ...times, key: 'times:13500000000', phone: '13500000000' };
    await memberItem.setValue({
      [times.key]: { status: { date: today, signed: 'yes' } },
      [other.key]: { status: { date: today, signed: true, streak: 4, week, readAt: Date.now() } },
    } as never);
    const wrapper = await mountPopup([times, other]);
    const items = wrapper.findAll(byId('account-item'));
    expect(items[0].find(byId('streak')).exists()).toBe(false);
    expect(items[1].find(byId('streak')).text()).toBe('4');
  });
});
