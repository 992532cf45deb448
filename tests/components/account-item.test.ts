import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import AccountItem from '@/components/AccountItem.vue';
import { chinaMoment } from '@/utils/china-time';
import { nextCheckinAt } from '@/utils/core/rules/checkin-schedule';
import type { Account, DayRecord, MemberInfo } from '@/utils/storage-schema';
import { historyAccountItem, historyItem } from '@/utils/extension/storage';

const byId = (id: string) => `[data-testid="${id}"]`;
const now = chinaMoment('2026-11-23', '09:00');
const settings = { checkinTime: '08:07', randomDelayMinutes: 0 };
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', points: 130, session: 'active', addedAt: 0 };
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1001', server: 'https://homing.example.com', via: 'password', session: 'active', addedAt: 0 };
const week = [5, 5, 10, 5, 5, 5, 20].map((reward, i) => ({ day: i + 1, reward, complete: i < 3 }));
const signedDay3: MemberInfo = { status: { date: '2026-11-23', signed: true, streak: 3, week, todayReward: 10, readAt: now } };
const done: DayRecord = { date: '2026-11-23', state: 'done', attempts: 1, at: now };

function mountItem(props: { account?: Account; record?: DayRecord; member?: MemberInfo; busy?: boolean } = {}, attach = false) {
  return mount(AccountItem, {
    props: { account: times, settings, now, busy: false, ...props },
    ...(attach ? { attachTo: document.body } : {}),
  });
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = '';
});

describe('account card: the service status', () => {
  it('shows the streak as digits and the 7-day strip with today marked', () => {
    const wrapper = mountItem({ record: done, member: signedDay3 });
    expect(wrapper.find(byId('streak')).text()).toBe('3');
    const days = wrapper.find(byId('week-strip')).findAll(byId('week-day'));
    expect(days.map((day) => day.attributes('data-day'))).toEqual(['1', '2', '3', '4', '5', '6', '7']);
    expect(days.map((day) => day.attributes('data-complete'))).toEqual(['true', 'true', 'true', 'false', 'false', 'false', 'false']);
    expect(days.map((day) => day.attributes('data-today'))).toEqual([undefined, undefined, 'true', undefined, undefined, undefined, undefined]);
  });

  it('says completion and the mystery days in text, not by colour alone', () => {
    const days = mountItem({ member: signedDay3 }).findAll(byId('week-day'));
    expect(days[0].text()).toContain('✓');
    expect(days[0].attributes('aria-label')).toContain('已签到');
    expect(days[4].text()).not.toContain('✓');
    expect(days[4].attributes('aria-label')).toContain('未签到');
    expect(days[2].text()).toContain('宝箱');
    expect(days[6].text()).toContain('豪礼');
    expect(days[2].attributes('title')).toBe('神秘宝箱：10 邦豆');
    expect(days[6].attributes('title')).toBe('神秘豪礼：20 邦豆');
    expect(days[1].text()).toContain('5');
  });

  it("shows today's reward as digits once today is signed, and not before", () => {
    const signed = mountItem({ member: signedDay3 });
    expect(signed.find(byId('today-reward')).text()).toBe('10');
    expect(signed.text()).toContain('+10 邦豆');
    const unsigned = mountItem({ member: { status: { ...signedDay3.status!, signed: false, streak: 2 } } });
    expect(unsigned.find(byId('today-reward')).exists()).toBe(false);
    expect(unsigned.findAll(byId('week-day'))[2].attributes('data-today')).toBe('true');
  });

  it('shows no streak or strip before the status was ever read', () => {
    const wrapper = mountItem();
    expect(wrapper.find(byId('streak')).exists()).toBe(false);
    expect(wrapper.find(byId('week-strip')).exists()).toBe(false);
  });

  it('says when the next check-in runs, with its moment in data-at', () => {
    const next = mountItem({ record: done }).find(byId('next-checkin'));
    expect(Number(next.attributes('data-at'))).toBe(nextCheckinAt({ key: times.key, canCheckIn: true, record: done }, settings, now));
    expect(next.text()).toContain('明天 08:07');
  });

  it("says a retry after today's failure", () => {
    const failed: DayRecord = { date: '2026-11-23', state: 'failed', attempts: 1, at: now, nextRetryAt: chinaMoment('2026-11-23', '09:05') };
    const next = mountItem({ record: failed }).find(byId('next-checkin'));
    expect(next.attributes('data-at')).toBe(String(chinaMoment('2026-11-23', '09:05')));
    expect(next.text()).toBe('失败后重试：今天 09:05');
  });

  it('says no next run for an account that must log in again', () => {
    expect(mountItem({ account: { ...times, session: 'relogin' } }).find(byId('next-checkin')).exists()).toBe(false);
  });

  it('warns when the login could not be saved', () => {
    expect(mountItem({ account: { ...times, sessionUnsaved: true } }).text()).toContain('登录信息未能保存，请重新登录');
    expect(mountItem().text()).not.toContain('登录信息未能保存');
  });

  it('keeps a Homing account as it was: no streak, strip, points or next run', () => {
    const wrapper = mountItem({ account: homing, member: signedDay3 });
    for (const id of ['streak', 'week-strip', 'today-reward', 'points', 'next-checkin', 'claim-button', 'history-link', 'nickname-edit']) {
      expect(wrapper.find(byId(id)).exists(), id).toBe(false);
    }
    expect(wrapper.text()).toContain('E1001');
  });
});

describe('account card: 邦豆', () => {
  it('offers to claim waiting 邦豆, and asks for it', async () => {
    const wrapper = mountItem({ member: { unclaimed: { points: 15, readAt: now } } });
    expect(wrapper.find(byId('unclaimed-points')).text()).toBe('15');
    await wrapper.find(byId('claim-button')).trigger('click');
    expect(wrapper.emitted('claim')).toHaveLength(1);
  });

  it('shows no claim button when nothing waits', () => {
    const wrapper = mountItem({ member: { unclaimed: { points: 0, readAt: now } } });
    expect(wrapper.find(byId('unclaimed-points')).exists()).toBe(false);
    expect(wrapper.find(byId('claim-button')).exists()).toBe(false);
  });

  it('warns of 邦豆 about to expire, digits only in the hook', () => {
    const wrapper = mountItem({ member: { expiring: { points: 30, date: '2026-11-23' } } });
    expect(wrapper.find(byId('expiring-points')).text()).toBe('30');
    expect(wrapper.text()).toContain('30 邦豆将在 7 天内过期');
    expect(mountItem({ member: { expiring: { points: 0, date: '2026-11-23' } } }).find(byId('expiring-points')).exists()).toBe(false);
  });
});

describe('account card: nickname', () => {
  it('shows the nickname and still the masked phone, never the full one', () => {
    const wrapper = mountItem({ account: { ...times, nickname: '妈妈' } });
    expect(wrapper.find(byId('nickname')).text()).toBe('妈妈');
    expect(wrapper.text()).toContain('134****1234');
    expect(wrapper.text()).not.toContain('13412341234');
  });

  it('saves an edited nickname with Enter', async () => {
    const wrapper = mountItem({ account: { ...times, nickname: '妈妈' } });
    await wrapper.find(byId('nickname-edit')).trigger('click');
    const input = wrapper.find(byId('nickname-input'));
    expect((input.element as HTMLInputElement).value).toBe('妈妈');
    await input.setValue('  爸爸 ');
    await input.trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('rename')).toEqual([['爸爸']]);
    expect(wrapper.find(byId('nickname-input')).exists()).toBe(false);
  });

  it('does not save on the Enter that ends an IME composition', async () => {
    const wrapper = mountItem();
    await wrapper.find(byId('nickname-edit')).trigger('click');
    await wrapper.find(byId('nickname-input')).setValue('妈');
    await wrapper.find(byId('nickname-input')).trigger('keydown', { key: 'Enter', isComposing: true });
    expect(wrapper.emitted('rename')).toBeUndefined();
    expect(wrapper.find(byId('nickname-input')).exists()).toBe(true);
  });

  it('cancels the edit with Escape', async () => {
    const wrapper = mountItem({ account: { ...times, nickname: '妈妈' } });
    await wrapper.find(byId('nickname-edit')).trigger('click');
    await wrapper.find(byId('nickname-input')).setValue('爸爸');
    await wrapper.find(byId('nickname-input')).trigger('keydown', { key: 'Escape' });
    expect(wrapper.emitted('rename')).toBeUndefined();
    expect(wrapper.find(byId('nickname-input')).exists()).toBe(false);
    expect(wrapper.find(byId('nickname')).text()).toBe('妈妈');
  });

  it('refuses a nickname over 20 characters with a message', async () => {
    const wrapper = mountItem();
    await wrapper.find(byId('nickname-edit')).trigger('click');
    await wrapper.find(byId('nickname-input')).setValue('一'.repeat(21));
    await wrapper.find(byId('nickname-input')).trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('rename')).toBeUndefined();
    expect(wrapper.find('[role="alert"]').text()).toBe('昵称最多 20 个字');
    expect(wrapper.find(byId('nickname-input')).exists()).toBe(true);
  });

  it('clears the nickname with an empty one', async () => {
    const wrapper = mountItem({ account: { ...times, nickname: '妈妈' } });
    await wrapper.find(byId('nickname-edit')).trigger('click');
    await wrapper.find(byId('nickname-input')).setValue('');
    await wrapper.find(byId('nickname-input')).trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('rename')).toEqual([['']]);
  });
});

describe('account card: removal asks first', () => {
  it.each([
    ['a Times account', times],
    ['a Homing account', homing],
  ])('one click on %s does not remove it; the confirmation does', async (_name, account) => {
    const wrapper = mountItem({ account });
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(false);
    await wrapper.find(byId('logout-button')).trigger('click');
    expect(wrapper.emitted('remove')).toBeUndefined();
    await wrapper.find(byId('confirm-remove')).trigger('click');
    expect(wrapper.emitted('remove')).toHaveLength(1);
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(false);
  });

  it("says that a Times account's whole history goes with it, and offers its CSV first", async () => {
    await historyItem.setValue({ [times.key]: [['2026-11-22', 'done', 1_795_400_000, 10, 130]], 'times:13500000000': [['2026-11-22', 'failed', 1_795_400_000, null, null]] });
    const files: string[] = [];
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => (blobs.push(blob as Blob), 'blob:csv'));
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      files.push(this.download);
    });
    const wrapper = mountItem({ account: { ...times, nickname: '妈妈' } }, true);
    await wrapper.find(byId('logout-button')).trigger('click');
    // The CSV button loads with the confirmation (its code and words are not part of the popup's start).
    await vi.waitFor(() => expect(wrapper.find(byId('remove-export')).exists()).toBe(true));

    const warning = wrapper.find(byId('remove-warning'));
    expect(warning.text()).toMatch(/全部签到记录/);
    expect(wrapper.find('[role="group"]').attributes('aria-describedby')).toBe(warning.attributes('id'));
    await wrapper.find(byId('remove-export')).trigger('click');
    await flushPromises();

    expect(files).toEqual([expect.stringMatching(/^邻里签到记录-妈妈-\d{4}-\d{2}-\d{2}\.csv$/)]);
    const csv = await blobs[0].text();
    expect(csv).toContain('2026-11-22,签到成功');
    expect(csv).not.toContain('签到失败'); // another account's day
    // Exporting is not removing, nor cancelling: the confirmation still waits.
    expect(wrapper.emitted('remove')).toBeUndefined();
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(true);
  });

  it('says nothing of a history for a Homing account (it has none)', async () => {
    const wrapper = mountItem({ account: homing });
    await wrapper.find(byId('logout-button')).trigger('click');
    expect(wrapper.find(byId('remove-warning')).exists()).toBe(false);
    expect(wrapper.find(byId('remove-export')).exists()).toBe(false);
  });

  it('cancels with Escape', async () => {
    const wrapper = mountItem({}, true);
    await wrapper.find(byId('logout-button')).trigger('click');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    await flushPromises();
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(false);
    expect(wrapper.emitted('remove')).toBeUndefined();
  });

  it('cancels with a click anywhere else, and with 取消', async () => {
    const wrapper = mountItem({}, true);
    await wrapper.find(byId('logout-button')).trigger('click');
    document.body.click();
    await flushPromises();
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(false);

    await wrapper.find(byId('logout-button')).trigger('click');
    const cancel = wrapper.findAll('button').find((button) => button.text() === '取消')!;
    await cancel.trigger('click');
    expect(wrapper.find(byId('confirm-remove')).exists()).toBe(false);
    expect(wrapper.emitted('remove')).toBeUndefined();
  });
});

describe('account card: history', () => {
  it("opens the account's history page in a new tab, with no phone number in its address", async () => {
    const create = vi.spyOn(fakeBrowser.tabs, 'create').mockResolvedValue({} as never);
    await mountItem().find(byId('history-link')).trigger('click');
    await flushPromises();
    expect(create).toHaveBeenCalledWith({ url: fakeBrowser.runtime.getURL('/history.html') });
    expect(await historyAccountItem.getValue()).toBe('times:13412341234');
  });
});
