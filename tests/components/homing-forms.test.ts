import { flushPromises, mount } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import HomingLoginForm from '@/components/HomingLoginForm.vue';
import ResetPasswordForm from '@/components/ResetPasswordForm.vue';
import { useUiStore } from '@/stores/ui';
import type { Command } from '@/utils/extension/messages';
import { fakeWorker, serverSays } from './support';
import { zh } from '../words';

// A valid 1x1 PNG, as a server would send it (raw base64, no data: prefix).
const PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==';
const SVG = btoa('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"></svg>');
const byId = (id: string) => `[data-testid="${id}"]`;

function mountWith(component: typeof HomingLoginForm | typeof ResetPasswordForm, props = {}) {
  const pinia = createPinia();
  return { wrapper: mount(component, { props, global: { plugins: [pinia] } }), ui: useUiStore(pinia) };
}

async function passwordLogin(wrapper: ReturnType<typeof mount>, passwd = 'wrong') {
  await wrapper.find(byId('login-mode-password')).trigger('click');
  await wrapper.find(byId('phone-input')).setValue('13800138000');
  await wrapper.find(byId('password-input')).setValue(passwd);
  await wrapper.find('form').trigger('submit');
  await flushPromises();
}

describe('Homing password login', () => {
  it('shows no captcha until the server asks for one', async () => {
    const { wrapper } = mountWith(HomingLoginForm);
    await wrapper.find(byId('login-mode-password')).trigger('click');
    expect(wrapper.find(byId('captcha-image')).exists()).toBe(false);
    expect(wrapper.find(byId('captcha-input')).exists()).toBe(false);
  });

  it('shows the captcha after a wrong password and sends its text with the next try', async () => {
    const sent = fakeWorker((command: Command) =>
      command.type === 'homing.login' && !command.imgCode
        ? { ok: false, error: serverSays('密码错误，请输入图形验证码'), captcha: PNG }
        : { ok: true, data: { key: 'homing:13800138000' } },
    );
    const { wrapper, ui } = mountWith(HomingLoginForm);
    await passwordLogin(wrapper);
    expect(zh(ui.error?.text)).toBe('密码错误，请输入图形验证码');
    expect(wrapper.find(byId('captcha-image')).attributes('src')).toBe(`data:image/png;base64,${PNG}`);
    await wrapper.find(byId('password-input')).setValue('right123');
    await wrapper.find(byId('captcha-input')).setValue('AB12');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ type: 'homing.login', mobile: '13800138000', passwd: 'right123', imgCode: 'AB12' });
    expect(wrapper.emitted('done')).toEqual([['homing:13800138000']]);
  });

  it('refuses to send without the captcha text once a captcha is shown', async () => {
    const sent = fakeWorker(() => ({ ok: false, error: serverSays('密码错误'), captcha: PNG }));
    const { wrapper, ui } = mountWith(HomingLoginForm);
    await passwordLogin(wrapper);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toHaveLength(1);
    expect(zh(ui.error?.text)).toBe('请输入图形验证码');
    expect(ui.error?.field).toBe('captcha');
  });

  it.each([
    ['an SVG with a script', SVG],
    ['a javascript: URL', 'javascript:alert(1)'],
    ['HTML', '<img src=x onerror=alert(1)>'],
  ])('never renders %s as the captcha, and says to refresh', async (_name, captcha) => {
    fakeWorker(() => ({ ok: false, error: serverSays('密码错误'), captcha }));
    const { wrapper } = mountWith(HomingLoginForm);
    await passwordLogin(wrapper);
    expect(wrapper.find('img').exists()).toBe(false);
    expect(wrapper.text()).toContain('验证码无法显示，请刷新');
  });

  it('gets a new captcha on refresh', async () => {
    const sent = fakeWorker((command: Command) =>
      command.type === 'homing.refreshImageCode' ? { ok: true, data: { captcha: PNG } } : { ok: false, error: serverSays('密码错误'), captcha: 'junk' },
    );
    const { wrapper } = mountWith(HomingLoginForm);
    await passwordLogin(wrapper);
    expect(wrapper.find(byId('captcha-image')).exists()).toBe(false);
    await wrapper.find(byId('captcha-refresh')).trigger('click');
    await flushPromises();
    expect(sent.at(-1)).toEqual({ type: 'homing.refreshImageCode' });
    expect(wrapper.find(byId('captcha-image')).exists()).toBe(true);
  });
});

describe('Homing login modes', () => {
  it('marks the chosen mode with aria-pressed, and drops the last error when the mode changes', async () => {
    const { wrapper, ui } = mountWith(HomingLoginForm);
    await wrapper.find(byId('login-mode-password')).trigger('click');
    expect(wrapper.find(byId('login-mode-password')).attributes('aria-pressed')).toBe('true');
    expect(wrapper.find(byId('login-mode-sms')).attributes('aria-pressed')).toBe('false');
    expect(wrapper.find('[role="tablist"]').exists()).toBe(false);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(ui.error?.field).toBe('phone');
    expect(wrapper.find(byId('phone-input')).attributes('aria-describedby')).toBe(wrapper.find(byId('error-message')).attributes('id'));
    await wrapper.find(byId('login-mode-zgt')).trigger('click');
    await flushPromises();
    expect(ui.error).toBeUndefined();
    expect(wrapper.find(byId('error-message')).exists()).toBe(false);
  });

  it('drops the error as soon as the form is edited', async () => {
    const { wrapper, ui } = mountWith(HomingLoginForm);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(ui.error).toBeDefined();
    await wrapper.find(byId('phone-input')).setValue('1');
    expect(ui.error).toBeUndefined();
  });
});

describe('reset password form', () => {
  it.each([
    ['short1', /8 位/],
    ['abcdefgh', /字母和数字/],
    ['12345678', /字母和数字/],
  ])('refuses the new password "%s" on the spot', async (passwd, message) => {
    const sent = fakeWorker(() => ({ ok: true, data: { reset: true } }));
    const { wrapper, ui } = mountWith(ResetPasswordForm, { mobile: '13800138000' });
    await wrapper.find(byId('code-input')).setValue('123456');
    await wrapper.find(byId('new-password-input')).setValue(passwd);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([]);
    expect(zh(ui.error?.text)).toMatch(message);
    expect(ui.error?.field).toBe('newPassword');
  });

  it('resets and hands the mobile back to the password login', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { reset: true } }));
    const { wrapper, ui } = mountWith(ResetPasswordForm, { mobile: '13800138000' });
    await wrapper.find(byId('code-input')).setValue('123456');
    await wrapper.find(byId('new-password-input')).setValue('new12345');
    await wrapper.find(byId('reset-submit')).trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ type: 'homing.resetPassword', mobile: '13800138000', mobileCode: '123456', passwd: 'new12345' }]);
    expect(wrapper.emitted('done')).toEqual([['13800138000']]);
    expect(zh(ui.notice)).toMatch(/新密码/);
  });

  it('after a reset, the login form is in password mode with the mobile filled in', async () => {
    fakeWorker(() => ({ ok: true, data: { reset: true } }));
    const { wrapper } = mountWith(HomingLoginForm);
    await wrapper.find(byId('login-mode-password')).trigger('click');
    await wrapper.find(byId('phone-input')).setValue('13800138000');
    await wrapper.find(byId('forgot-password')).trigger('click');
    await wrapper.find(byId('code-input')).setValue('123456');
    await wrapper.find(byId('new-password-input')).setValue('new12345');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(wrapper.find(byId('password-input')).exists()).toBe(true);
    expect((wrapper.find(byId('phone-input')).element as HTMLInputElement).value).toBe('13800138000');
  });
});
