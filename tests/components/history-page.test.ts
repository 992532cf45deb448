import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import HistoryApp from '@/entrypoints/history/App.vue';
import { chinaMoment } from '@/utils/china-time';
import { accountsItem, historyItem, memberItem, secretsItem, historyAccountItem } from '@/utils/extension/storage';
import { type Account, type HistoryTuple } from '@/utils/storage-schema';

const byId = (id: string) => `[data-testid="${id}"]`;
const now = chinaMoment('2026-11-23', '09:00');
const seconds = (date: string, time: string) => chinaMoment(date, time) / 1000;
const mum: Account = { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', session: 'active', addedAt: 0, nickname: '妈妈' };
const dad: Account = { ...mum, key: 'times:13500001111', phone: '13500001111', nickname: undefined };
const homing: Account = { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1', server: 'https://homing.example.com', via: 'sms', session: 'active', addedAt: 0 };
const TOKEN = 'eyJ.secret-token.sig';

const dadDays: HistoryTuple[] = [
  ['2026-10-31', 'done', seconds('2026-10-31', '08:05'), 20, 100],
  ['2026-11-01', 'missed', seconds('2026-11-02', '08:00'), null, null],
  ['2026-11-02', 'done', seconds('2026-11-02', '08:03'), 5, 105],
  ['2026-11-03', 'already', seconds('2026-11-03', '08:04'), null, 105],
  ['2026-11-04', 'lost', seconds('2026-11-04', '23:00'), null, null],
  ['2026-11-23', 'done', seconds('2026-11-23', '08:07'), 10, 115],
];

async function mountHistory(search = '') {
  window.history.replaceState(null, '', `/history.html${search}`);
  const wrapper = mount(HistoryApp);
  await flushPromises();
  return wrapper;
}

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(now);
  await accountsItem.setValue([mum, homing, dad]);
  await historyItem.setValue({ [mum.key]: [['2026-11-22', 'done', seconds('2026-11-22', '08:01'), 5, 50]], [dad.key]: dadDays });
  await memberItem.setValue({ [dad.key]: { status: { date: '2026-11-23', signed: true, streak: 1, week: [], readAt: now } } });
  await secretsItem.setValue({ [dad.key]: { provider: 'times', baseUrl: 'https://x', token: TOKEN, refreshToken: TOKEN, tokenHead: 'Bearer ', obtainedAt: 0, expiresAt: 0 } });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('history page', () => {
  it('lists the Times accounts by nickname or masked phone, and opens on the one asked for', async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    const select = wrapper.find(byId('history-account'));
    expect(select.findAll('option').map((option) => [option.attributes('value'), option.text()])).toEqual([
      [mum.key, '妈妈'],
      [dad.key, '135****1111'],
    ]);
    expect((select.element as HTMLSelectElement).value).toBe(dad.key);
    expect(wrapper.text()).not.toContain('13500001111');
  });

  it('opens on the first account without ?account=, or with an unknown one', async () => {
    for (const search of ['', '?account=times%3A19900000000']) {
      const wrapper = await mountHistory(search);
      expect((wrapper.find(byId('history-account')).element as HTMLSelectElement).value).toBe(mum.key);
      wrapper.unmount();
    }
  });

  it('opens on the account the popup left in storage.session, with nothing in the address', async () => {
    await historyAccountItem.setValue(dad.key);
    const wrapper = await mountHistory();
    expect((wrapper.find(byId('history-account')).element as HTMLSelectElement).value).toBe(dad.key);
  });

  it("shows the current China month's days that have a record, each with its state in words", async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    expect(wrapper.find(byId('history-month')).attributes('data-month')).toBe('2026-11');
    const days = wrapper.findAll(byId('history-day'));
    expect(days.map((day) => [day.attributes('data-date'), day.attributes('data-state')])).toEqual([
      ['2026-11-01', 'missed'],
      ['2026-11-02', 'done'],
      ['2026-11-03', 'already'],
      ['2026-11-04', 'lost'],
      ['2026-11-23', 'done'],
    ]);
    expect(days[1].attributes('title')).toBe('2026-11-02，签到成功，+5 邦豆');
    expect(days[1].text()).toContain('成功');
    expect(days[3].text()).toContain('未签');
    expect(wrapper.find(byId('history-month-reward')).text()).toBe('15');
    expect(wrapper.find(byId('history-streak')).text()).toBe('1');
  });

  it('lays the month out in weeks from Monday: 1 November 2026, a Sunday, ends the first row', async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    const firstRow = wrapper.findAll('tbody tr')[0].findAll('td');
    expect(firstRow).toHaveLength(7);
    expect(firstRow[6].attributes('data-date')).toBe('2026-11-01');
    expect(firstRow.slice(0, 6).every((cell) => cell.text() === '')).toBe(true);
  });

  it('moves between months', async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    await wrapper.find(byId('history-prev')).trigger('click');
    expect(wrapper.find(byId('history-month')).attributes('data-month')).toBe('2026-10');
    expect(wrapper.findAll(byId('history-day')).map((day) => day.attributes('data-date'))).toEqual(['2026-10-31']);
    expect(wrapper.find(byId('history-month-reward')).text()).toBe('20');
    await wrapper.find(byId('history-next')).trigger('click');
    await wrapper.find(byId('history-next')).trigger('click');
    expect(wrapper.find(byId('history-month')).attributes('data-month')).toBe('2026-12');
    expect(wrapper.findAll(byId('history-day'))).toHaveLength(0);
    expect(wrapper.find(byId('history-month-reward')).text()).toBe('0');
  });

  it('switches account from the select', async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    await wrapper.find(byId('history-account')).setValue(mum.key);
    expect(wrapper.findAll(byId('history-day')).map((day) => day.attributes('data-date'))).toEqual(['2026-11-22']);
    expect(wrapper.find(byId('history-streak')).exists()).toBe(false);
  });

  it('follows the history the worker writes', async () => {
    const wrapper = await mountHistory(`?account=${encodeURIComponent(mum.key)}`);
    await historyItem.setValue({ [mum.key]: [['2026-11-22', 'done', seconds('2026-11-22', '08:01'), 5, 50], ['2026-11-23', 'failed', seconds('2026-11-23', '08:01'), null, null]] });
    await flushPromises();
    expect(wrapper.findAll(byId('history-day')).map((day) => day.attributes('data-state'))).toEqual(['done', 'failed']);
  });

  it("exports the account's whole history as CSV with a BOM, a masked phone and no token", async () => {
    let blob: Blob | undefined;
    vi.spyOn(URL, 'createObjectURL').mockImplementation((object) => ((blob = object as Blob), 'blob:history'));
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const wrapper = await mountHistory(`?account=${encodeURIComponent(dad.key)}`);
    await wrapper.find(byId('history-export')).trigger('click');

    expect(click).toHaveBeenCalledTimes(1);
    const anchor = click.mock.contexts[0] as HTMLAnchorElement;
    expect(anchor.download).toBe('邻里签到记录-135xxxx1111-2026-11-23.csv');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('账号,135****1111');
    expect(lines[1]).toBe('日期,结果,时间,奖励邦豆,余额');
    expect(lines.slice(2, -1)).toHaveLength(dadDays.length);
    expect(lines[2]).toBe('2026-10-31,签到成功,08:05:00,20,100');
    expect(csv).not.toContain('13500001111');
    expect(csv).not.toContain(TOKEN);
  });

  it('says so when there is no Times account', async () => {
    await accountsItem.setValue([homing]);
    const wrapper = await mountHistory();
    expect(wrapper.find(byId('history-account')).exists()).toBe(false);
    expect(wrapper.text()).toContain('还没有时代邻里账号');
  });
});
