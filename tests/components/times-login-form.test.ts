import { mount, flushPromises } from '@vue/test-utils';
import { createPinia } from 'pinia';
import { describe, expect, it } from 'vitest';
import TimesLoginForm from '@/components/TimesLoginForm.vue';
import { useUiStore } from '@/stores/ui';
import { fakeWorker, serverSays } from './support';
import { zh } from '../words';

function mountForm() {
  const pinia = createPinia();
  const wrapper = mount(TimesLoginForm, { global: { plugins: [pinia] } });
  return { wrapper, ui: useUiStore(pinia) };
}

const byId = (id: string) => `[data-testid="${id}"]`;

describe('Times login form', () => {
  it.each(['12345', '2341234123', '134123412345', ''])('refuses phone "%s" on the spot and sends nothing', async (phone) => {
    const sent = fakeWorker(() => ({ ok: true, data: { sent: true } }));
    const { wrapper, ui } = mountForm();
    await wrapper.find(byId('phone-input')).setValue(phone);
    await wrapper.find(byId('send-code')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([]);
    expect(zh(ui.error?.text)).toMatch(/手机号/);
    expect(ui.error?.field).toBe('phone');
  });

  it('refuses a code that is not 4–8 digits and sends nothing', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { key: 'times:13412341234' } }));
    const { wrapper, ui } = mountForm();
    await wrapper.find(byId('phone-input')).setValue('13412341234');
    await wrapper.find(byId('code-input')).setValue('12a');
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(sent).toEqual([]);
    expect(zh(ui.error?.text)).toMatch(/验证码/);
    expect(ui.error?.field).toBe('code');
  });

  it('sends the code and then counts down 60 s before it can be sent again', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { sent: true } }));
    const { wrapper } = mountForm();
    await wrapper.find(byId('phone-input')).setValue('13412341234');
    await wrapper.find(byId('send-code')).trigger('click');
    await flushPromises();
    expect(sent).toEqual([{ type: 'times.sendCode', phone: '13412341234' }]);
    const button = wrapper.find(byId('send-code'));
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toMatch(/60 秒后重发/);
  });

  it('keeps the button usable when sending failed, and shows the server message as text', async () => {
    fakeWorker(() => ({ ok: false, error: serverSays('<b>发送失败</b>') }));
    const { wrapper, ui } = mountForm();
    await wrapper.find(byId('phone-input')).setValue('13412341234');
    await wrapper.find(byId('send-code')).trigger('click');
    await flushPromises();
    expect(zh(ui.error?.text)).toBe('<b>发送失败</b>');
    expect(wrapper.find(byId('send-code')).attributes('disabled')).toBeUndefined();
  });

  it('logs in and reports the new account', async () => {
    const sent = fakeWorker(() => ({ ok: true, data: { key: 'times:13412341234' } }));
    const { wrapper } = mountForm();
    await wrapper.find(byId('phone-input')).setValue('13412341234');
    await wrapper.find(byId('code-input')).setValue('123456');
    await wrapper.find(byId('login-submit')).trigger('submit');
    await flushPromises();
    expect(sent).toEqual([{ type: 'times.login', phone: '13412341234', code: '123456' }]);
    expect(wrapper.emitted('done')).toEqual([['times:13412341234']]);
  });

  it.each([
    ['+86 139 0013 9001', '１２３４５６'],
    ['139-0013-9001', ' 123 456 '],
    ['0086 139 0013 9001', '１２３　４５６'],
    ['１３９００１３９００１', '123456'],
  ])('sends %j and the code %j as the digits they mean', async (phone, code) => {
    const sent = fakeWorker((command) => ({ ok: true, data: command.type === 'times.sendCode' ? { sent: true } : { key: 'times:13900139001' } }));
    const { wrapper, ui } = mountForm();
    await wrapper.find(byId('phone-input')).setValue(phone);
    await wrapper.find(byId('send-code')).trigger('click');
    await wrapper.find(byId('code-input')).setValue(code);
    await wrapper.find('form').trigger('submit');
    await flushPromises();
    expect(ui.error).toBeUndefined();
    expect(sent).toEqual([
      { type: 'times.sendCode', phone: '13900139001' },
      { type: 'times.login', phone: '13900139001', code: '123456' },
    ]);
  });

  it('shows a pasted number and code cleaned, never cut short first', async () => {
    const { wrapper } = mountForm();
    const paste = async (testId: string, pasted: string) => {
      const input = wrapper.find(byId(testId)).element as HTMLInputElement;
      // What a browser does on paste: no maxlength cuts it, then the input event says it was pasted.
      expect(input.maxLength < 0 || input.maxLength >= pasted.length).toBe(true);
      input.value = pasted;
      input.dispatchEvent(new InputEvent('input', { inputType: 'insertFromPaste' }));
      await flushPromises();
      return input.value;
    };
    expect(await paste('phone-input', '+86 139 0013 9001')).toBe('13900139001');
    expect(await paste('code-input', '１２３ ４５６')).toBe('123456');
    // Something that is no number stays as pasted, for the check to refuse with its words.
    expect(await paste('phone-input', '+1 415 555 0100')).toBe('+1 415 555 0100');
  });
});

describe('send-code button', () => {
  it('asks for one code when clicked twice before the first answer', async () => {
    let answer: () => void = () => undefined;
    const sent = fakeWorker(() => new Promise((resolve) => (answer = () => resolve({ ok: true, data: { sent: true } }))));
    const { wrapper } = mountForm();
    await wrapper.find(byId('phone-input')).setValue('13412341234');
    await wrapper.find(byId('send-code')).trigger('click');
    await wrapper.find(byId('send-code')).trigger('click');
    answer();
    await flushPromises();
    expect(sent).toHaveLength(1);
  });
});
