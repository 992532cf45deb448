import { flushPromises, mount } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import OptionsApp from '@/entrypoints/options/App.vue';
import { readSettings, settingsItem } from '@/utils/extension/storage';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';

const byId = (id: string) => `[data-testid="${id}"]`;

// The fake browser has no permissions API: each test says how the user answers the prompt.
function answerPermission(granted: boolean) {
  const request = vi.fn(async () => granted);
  vi.spyOn(fakeBrowser.permissions, 'request').mockImplementation(request);
  return request;
}

async function mountOptions() {
  const wrapper = mount(OptionsApp);
  await flushPromises();
  return wrapper;
}

afterEach(() => vi.restoreAllMocks());

describe('options page', () => {
  it('shows the stored settings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, checkinTime: '07:45' });
    const wrapper = await mountOptions();
    expect((wrapper.find(byId('checkin-time')).element as HTMLInputElement).value).toBe('07:45');
    expect((wrapper.find(byId('times-base-url')).element as HTMLInputElement).value).toBe(DEFAULT_SETTINGS.timesBaseUrl);
  });

  it('saves valid settings without a prompt when only the production host is used', async () => {
    const request = answerPermission(true);
    const wrapper = await mountOptions();
    await wrapper.find(byId('checkin-time')).setValue('09:15');
    await wrapper.find(byId('random-delay')).setValue('0');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find(byId('settings-saved')).exists()).toBe(true);
    expect(await readSettings()).toMatchObject({ checkinTime: '09:15', randomDelayMinutes: 0 });
    expect(request).not.toHaveBeenCalled();
  });

  it.each([
    ['random-delay', '-5'],
    ['random-delay', 'abc'],
    ['times-base-url', 'ftp://example.com'],
    ['homing-base-url', 'not a url'],
  ])('refuses %s = "%s" with a message and saves nothing', async (field, value) => {
    answerPermission(true);
    const wrapper = await mountOptions();
    await wrapper.find(byId(field)).setValue(value);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find(byId('error-message')).text()).toMatch(/[\u4e00-\u9fff]/);
    expect(wrapper.find(byId('settings-saved')).exists()).toBe(false);
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });

  it('asks for the Homing origin and keeps the old value when the user refuses', async () => {
    const request = answerPermission(false);
    const wrapper = await mountOptions();
    await wrapper.find(byId('homing-base-url')).setValue('https://homing.example.com/');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(request).toHaveBeenCalledWith({ origins: ['https://homing.example.com/*'] });
    expect(wrapper.find(byId('error-message')).text()).toMatch(/权限/);
    expect((await readSettings()).homingBaseUrl).toBe('');
  });

  it('saves the Homing base URL once the user grants the origin', async () => {
    answerPermission(true);
    const wrapper = await mountOptions();
    await wrapper.find(byId('homing-base-url')).setValue('https://homing.example.com/');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect((await readSettings()).homingBaseUrl).toBe('https://homing.example.com');
  });
});

describe('options page form', () => {
  it('leaves input checks to our Chinese messages (no native English tooltips)', async () => {
    const wrapper = await mountOptions();
    expect(wrapper.find('form').attributes('novalidate')).toBeDefined();
  });
});

describe('options page: input as people type it (issue 13)', () => {
  it('saves a pasted full-width time, uncut, as 24-hour China time', async () => {
    answerPermission(true);
    const wrapper = await mountOptions();
    const input = wrapper.find(byId('checkin-time'));
    const pasted = ' ８：０５ ';
    expect((input.element as HTMLInputElement).maxLength < 0 || (input.element as HTMLInputElement).maxLength >= pasted.length).toBe(true);
    await input.setValue(pasted);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(await readSettings()).toMatchObject({ checkinTime: '08:05' });
  });

  it('answers an address typed without its scheme with the one it most likely meant', async () => {
    answerPermission(true);
    const wrapper = await mountOptions();
    await wrapper.find(byId('homing-base-url')).setValue('homing.example.com');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find(byId('error-message')).text()).toContain('https://homing.example.com');
    expect(await settingsItem.getValue()).toEqual(DEFAULT_SETTINGS);
  });
});
