import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import OptionsApp from '@/entrypoints/options/App.vue';
import PopupApp from '@/entrypoints/popup/App.vue';
import { followLook } from '@/utils/extension/look';
import { readSettings, settingsItem } from '@/utils/extension/storage';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';

// Language and theme: from the settings, applied to the page at once and again on every change.

const byId = (id: string) => `[data-testid="${id}"]`;
let stop: (() => void) | undefined;
afterEach(() => {
  stop?.();
  stop = undefined;
  document.documentElement.removeAttribute('data-theme');
});

describe('the look of a page', () => {
  it("speaks the browser's language on auto, and says which on <html> and in the title", async () => {
    vi.mocked(fakeBrowser.i18n.getUILanguage).mockReturnValue('en-GB');
    stop = await followLook(document, 'options.title');
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Linli Check-in · Settings');
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });

  it('changes language and theme in an open page as soon as the settings change, without a reload', async () => {
    stop = await followLook(document, 'app.name');
    const popup = mount(PopupApp, { global: { plugins: [createPinia()] } });
    await flushPromises();
    expect(popup.find(byId('add-account')).text()).toBe('添加账号');
    expect(document.documentElement.lang).toBe('zh-CN');

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, language: 'en', theme: 'dark' });
    await vi.waitFor(() => expect(document.documentElement.lang).toBe('en'));
    await flushPromises();
    expect(popup.find(byId('add-account')).text()).toBe('Add account');
    expect(document.title).toBe('Linli Check-in');
    expect(document.documentElement.dataset.theme).toBe('dark');

    await settingsItem.setValue({ ...DEFAULT_SETTINGS, theme: 'light' });
    await vi.waitFor(() => expect(document.documentElement.dataset.theme).toBe('light'));
    popup.unmount();
  });
});

describe('the options page', () => {
  it('stores the language and the theme as soon as they are chosen, keeping the other stored settings', async () => {
    await settingsItem.setValue({ ...DEFAULT_SETTINGS, checkinTime: '07:30' });
    const wrapper = mount(OptionsApp);
    await flushPromises();
    await wrapper.find(byId('checkin-time')).setValue('09:00'); // typed, not saved
    await wrapper.find(byId('language')).setValue('en');
    await wrapper.find(byId('theme')).setValue('dark');
    await flushPromises();
    expect(await readSettings()).toEqual({ ...DEFAULT_SETTINGS, checkinTime: '07:30', language: 'en', theme: 'dark' });
  });

  it('shows the check-in time first, and the server addresses in a collapsed advanced section', async () => {
    const wrapper = mount(OptionsApp);
    await flushPromises();
    const ids = wrapper.findAll('[data-testid]').map((element) => element.attributes('data-testid'));
    expect(ids.indexOf('checkin-time')).toBeLessThan(ids.indexOf('times-base-url'));
    expect(ids.indexOf('notifications')).toBeLessThan(ids.indexOf('language'));
    const details = wrapper.find('details');
    expect(details.attributes('open')).toBeUndefined();
    expect(details.find(byId('times-base-url')).exists()).toBe(true);
    expect(details.find(byId('advanced-settings')).element.tagName).toBe('SUMMARY');
  });

  it('opens the advanced section to show a refused server address, next to it, and focuses it', async () => {
    const wrapper = mount(OptionsApp, { attachTo: document.body });
    await flushPromises();
    await wrapper.find(byId('times-base-url')).setValue('ftp://example.com');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find('details').attributes('open')).toBeDefined();
    const input = wrapper.find(byId('times-base-url'));
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(wrapper.find(`#${input.attributes('aria-describedby')}`).attributes('data-testid')).toBe('error-message');
    expect(document.activeElement).toBe(input.element);
    wrapper.unmount();
  });

  it('takes a 24-hour China time typed as text, whatever the locale', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true);
    const wrapper = mount(OptionsApp);
    await flushPromises();
    const time = wrapper.find(byId('checkin-time'));
    expect(time.attributes('type')).toBe('text');
    await time.setValue('7:05');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect((await readSettings()).checkinTime).toBe('07:05');
    expect((time.element as HTMLInputElement).value).toBe('07:05');
  });
});
