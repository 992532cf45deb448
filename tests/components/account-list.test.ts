import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import AccountList from '@/components/AccountList.vue';
import { chinaDate } from '@/utils/china-time';
import type { Account, DayRecord } from '@/utils/storage-schema';

const today = chinaDate(Date.now());
const times: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', points: 130, session: 'active', addedAt: 0 };
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1001', server: 'https://homing.example.com', via: 'password', session: 'active', expiresAt: Date.now() - 1, addedAt: 0 };

function mountList(accounts: Account[], records: Record<string, DayRecord> = {}) {
  return mount(AccountList, { props: { accounts, records, busy: [] } });
}

describe('account list', () => {
  it('shows a masked phone, never the full number', () => {
    const wrapper = mountList([times]);
    expect(wrapper.text()).toContain('134****1234');
    // The full number is only in data-account-key, the contract's test hook, never in visible text.
    expect(wrapper.text()).not.toContain('13412341234');
    expect(wrapper.find('[data-testid="account-item"]').attributes('data-account-key')).toBe('times:13412341234');
  });

  it.each<[string, Account, DayRecord | undefined, string]>([
    ['nothing yet today', times, undefined, 'pending'],
    ['done today', times, { date: today, state: 'done', attempts: 1, at: Date.now() }, 'done'],
    ['done yesterday only', times, { date: '2000-01-01', state: 'done', attempts: 1, at: 0 }, 'pending'],
    ['already', times, { date: today, state: 'already', attempts: 1, at: Date.now() }, 'already'],
    ['failed', times, { date: today, state: 'failed', attempts: 1, at: Date.now(), error: '服务器暂时不可用 (HTTP 502)' }, 'failed'],
    ['running', times, { date: today, state: 'running', attempts: 1, at: Date.now() }, 'running'],
    ['needs re-login', { ...times, session: 'relogin' } as Account, undefined, 'relogin'],
  ])('shows %s as data-state %s', (_name, account, record, state) => {
    const wrapper = mountList([account], record ? { [account.key]: record } : {});
    expect(wrapper.find('[data-testid="checkin-status"]').attributes('data-state')).toBe(state);
  });

  it('tags an account logged in to another server than production, and not a production one', () => {
    const wrapper = mountList([times, { ...times, key: 'times:13500000000', phone: '13500000000', server: 'https://m-center-uat-linli.timesgroup.cn' } as Account]);
    const tags = wrapper.findAll('[data-testid="account-server"]');
    expect(tags).toHaveLength(1);
    expect(tags[0].text()).toBe('m-center-uat-linli.timesgroup.cn');
  });

  it("shows today's failure reason, not yesterday's", () => {
    const yesterday = mountList([times], { [times.key]: { date: '2000-01-01', state: 'failed', attempts: 1, at: 0, error: '服务器暂时不可用 (HTTP 502)' } });
    expect(yesterday.text()).not.toContain('HTTP 502');
    const todays = mountList([times], { [times.key]: { date: today, state: 'failed', attempts: 1, at: Date.now(), error: '服务器暂时不可用 (HTTP 502)' } });
    expect(todays.text()).toContain('HTTP 502');
  });

  it('shows points as digits only', () => {
    expect(mountList([times]).find('[data-testid="points"]').text()).toBe('130');
  });

  it('shows the failure reason as text', () => {
    const wrapper = mountList([times], { [times.key]: { date: today, state: 'failed', attempts: 1, at: Date.now(), error: '<img src=x>' } });
    expect(wrapper.text()).toContain('<img src=x>');
    expect(wrapper.find('img').exists()).toBe(false);
  });

  it('shows a Homing account with its user code, an expired session, and no check-in button', () => {
    const wrapper = mountList([homing]);
    expect(wrapper.text()).toContain('E1001');
    expect(wrapper.find('[data-testid="session-status"]').attributes('data-state')).toBe('expired');
    expect(wrapper.find('[data-testid="checkin-button"]').exists()).toBe(false);
  });

  it('asks for a check-in and, once confirmed, a removal of the right account', async () => {
    const wrapper = mountList([times, homing]);
    await wrapper.findAll('[data-testid="checkin-button"]')[0].trigger('click');
    await wrapper.findAll('[data-testid="logout-button"]')[1].trigger('click');
    expect(wrapper.emitted('remove')).toBeUndefined();
    await wrapper.find('[data-testid="confirm-remove"]').trigger('click');
    expect(wrapper.emitted('checkIn')).toEqual([[times.key]]);
    expect(wrapper.emitted('remove')).toEqual([[homing]]);
  });

  it('asks for a claim and a rename of the right account', async () => {
    const other = { ...times, key: 'times:13500000000', phone: '13500000000' } as Account;
    const wrapper = mount(AccountList, {
      props: { accounts: [times, other], records: {}, busy: [], member: { [other.key]: { unclaimed: { points: 15, readAt: 0 } } } },
    });
    await wrapper.find('[data-testid="claim-button"]').trigger('click');
    await wrapper.findAll('[data-testid="nickname-edit"]')[1].trigger('click');
    await wrapper.find('[data-testid="nickname-input"]').setValue('爸爸');
    await wrapper.find('[data-testid="nickname-input"]').trigger('keydown', { key: 'Enter' });
    expect(wrapper.emitted('claim')).toEqual([[other.key]]);
    expect(wrapper.emitted('rename')).toEqual([[other.key, '爸爸']]);
  });
});

describe('done summary', () => {
  const record = (state: DayRecord['state'], date = today): DayRecord => ({ date, state, attempts: 1, at: Date.now() });
  const phones = ['13400000001', '13400000002', '13400000003'];
  const three = phones.map((phone) => ({ ...times, key: `times:${phone}`, phone }) as Account);

  it('says how many Times accounts are checked in today, above the list', () => {
    const wrapper = mountList([...three, homing], {
      'times:13400000001': record('done'),
      'times:13400000002': record('already'),
      'times:13400000003': record('done', '2000-01-01'),
    });
    const summary = wrapper.find('[data-testid="done-summary"]');
    expect(summary.attributes('data-done')).toBe('2');
    expect(summary.attributes('data-total')).toBe('3');
    expect(summary.text()).toBe('今日已签到 2/3');
    expect(wrapper.html().indexOf('done-summary')).toBeLessThan(wrapper.html().indexOf('account-item'));
  });

  it('is absent without Times accounts', () => {
    expect(mountList([homing]).find('[data-testid="done-summary"]').exists()).toBe(false);
    expect(mountList([]).find('[data-testid="done-summary"]').exists()).toBe(false);
  });
});
