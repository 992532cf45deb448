import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import OptionsApp from '@/entrypoints/options/App.vue';
import { pushLogItem, pushSettingsItem, readPushSettings } from '@/utils/extension/push-storage';
import { emptyPushLog } from '@/utils/push-schema';
import { fakeWorker } from './support';

// The options page's push section (issue 12): channels added, checked and saved with 保存 into
// storage.local only, the host asked for from the click, a test message sent by the worker, and the
// last failure shown.

const byId = (id: string) => `[data-testid="${id}"]`;
const BARK = 'https://api.day.app/AbCdKey123';

function answerPermission(granted: boolean) {
  const request = vi.fn(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request);
  return request;
}

async function mountOptions() {
  const wrapper = mount(OptionsApp, { attachTo: document.body });
  await flushPromises();
  return wrapper;
}

async function addChannel(wrapper: Awaited<ReturnType<typeof mountOptions>>, type: string, url: string) {
  await wrapper.find(byId('push-add')).trigger('click');
  const row = wrapper.findAll(byId('push-channel')).at(-1)!;
  await row.find(byId('push-type')).setValue(type);
  await row.find(byId('push-url')).setValue(url);
  return row;
}

const save = async (wrapper: Awaited<ReturnType<typeof mountOptions>>) => {
  await wrapper.find('form').trigger('submit');
  await flushPromises();
};

afterEach(() => vi.restoreAllMocks());

describe('options page: push', () => {
  it('says where messages go, and saves a channel in storage.local only, asking for its host from the click', async () => {
    const request = answerPermission(true);
    const wrapper = await mountOptions();
    expect(wrapper.text()).toContain('推送通知');
    const row = await addChannel(wrapper, 'bark', BARK);
    expect(row.text()).toContain('消息会发送到 api.day.app');
    await wrapper.find(byId('push-digest')).setValue(true);
    await save(wrapper);

    expect(wrapper.find(byId('settings-saved')).exists()).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['https://api.day.app/*'] });
    expect(await readPushSettings()).toEqual({ channels: [{ id: expect.any(String), type: 'bark', url: BARK }], digest: true });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('reopens with each channel and its type', async () => {
    await pushSettingsItem.setValue({ channels: [{ id: 'c1', type: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=T', secret: 'SECx' }], digest: false });
    const wrapper = await mountOptions();
    const rows = wrapper.findAll(byId('push-channel'));
    expect(rows).toHaveLength(1);
    expect((rows[0].find(byId('push-type')).element as HTMLSelectElement).value).toBe('dingtalk');
    expect((rows[0].find(byId('push-secret')).element as HTMLInputElement).type).toBe('password');
  });

  it.each([
    ['http://push.example.com/KEY', /https:\/\//],
    ['', /请填写/],
  ])('refuses the address "%s" next to it, and saves nothing', async (url, message) => {
    answerPermission(true);
    const wrapper = await mountOptions();
    const row = await addChannel(wrapper, 'bark', url);
    await save(wrapper);
    expect(row.find(byId('error-message')).text()).toMatch(message);
    expect(row.find(byId('push-url')).attributes('aria-invalid')).toBe('true');
    expect(document.activeElement).toBe(row.find(byId('push-url')).element);
    expect(wrapper.find(byId('settings-saved')).exists()).toBe(false);
    expect(await readPushSettings()).toEqual({ channels: [], digest: false });
  });

  it("keeps a type's own fields only, and asks for what a type can't do without", async () => {
    answerPermission(true);
    const wrapper = await mountOptions();
    const row = await addChannel(wrapper, 'telegram', '123456:ABCdef');
    await save(wrapper);
    expect(row.find(byId('error-message')).exists()).toBe(true);
    expect(row.find(byId('push-chat-id')).attributes('aria-invalid')).toBe('true');
    await row.find(byId('push-chat-id')).setValue('42');
    await save(wrapper);
    expect((await readPushSettings()).channels).toEqual([{ id: expect.any(String), type: 'telegram', url: '123456:ABCdef', chatId: '42' }]);

    await row.find(byId('push-type')).setValue('serverchan');
    await row.find(byId('push-url')).setValue('SCT12345abc');
    await save(wrapper);
    expect((await readPushSettings()).channels).toEqual([{ id: expect.any(String), type: 'serverchan', url: 'SCT12345abc' }]);
  });

  it('removes a channel', async () => {
    answerPermission(true);
    await pushSettingsItem.setValue({ channels: [{ id: 'c1', type: 'bark', url: BARK }], digest: false });
    const wrapper = await mountOptions();
    await wrapper.find(byId('push-remove')).trigger('click');
    await save(wrapper);
    expect(wrapper.findAll(byId('push-channel'))).toHaveLength(0);
    expect((await readPushSettings()).channels).toEqual([]);
  });

  it('sends a test message through the worker with the values shown, and shows whether it was delivered', async () => {
    const request = answerPermission(true);
    let delivered = true;
    const sent = fakeWorker(() => ({ ok: true, data: delivered ? { ok: true } : { ok: false, reason: { key: 'push.failure.refused', params: { code: 93000 } } } }));
    const wrapper = await mountOptions();
    const row = await addChannel(wrapper, 'wecom', 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K1');

    await row.find(byId('push-test')).trigger('click');
    await flushPromises();
    expect(request).toHaveBeenCalledWith({ origins: ['https://qyapi.weixin.qq.com/*'] });
    expect(sent).toEqual([{ type: 'push.test', channel: { id: expect.any(String), type: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=K1' } }]);
    expect(row.find(byId('push-test-result')).attributes('data-ok')).toBe('true');

    delivered = false;
    await row.find(byId('push-test')).trigger('click');
    await flushPromises();
    const result = row.find(byId('push-test-result'));
    expect(result.attributes('data-ok')).toBe('false');
    expect(result.text()).toContain('93000');
    expect(result.text()).not.toContain('K1');
  });

  it('sends no test when the host is refused, and says so', async () => {
    answerPermission(false);
    const sent = fakeWorker(() => ({ ok: true, data: { ok: true } }));
    const wrapper = await mountOptions();
    const row = await addChannel(wrapper, 'bark', BARK);
    await row.find(byId('push-test')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([]);
    expect(row.find(byId('push-test-result')).attributes('data-ok')).toBe('false');
    expect(row.find(byId('push-test-result')).text()).toMatch(/权限/);
  });

  it("shows a channel's last failure, without its key", async () => {
    await pushSettingsItem.setValue({ channels: [{ id: 'c1', type: 'bark', url: BARK }], digest: false });
    await pushLogItem.setValue({ ...emptyPushLog(), failures: { c1: { at: Date.parse('2026-11-24T00:05:00Z'), type: 'bark', reason: { key: 'push.failure.timeout' } } } });
    const wrapper = await mountOptions();
    const row = wrapper.find(byId('push-channel'));
    expect(row.text()).toContain('最近一次推送未送达（11-24 08:05）：推送服务 10 秒内没有回应');
  });
});
