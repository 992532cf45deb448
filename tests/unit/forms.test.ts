import { describe, expect, it } from 'vitest';
import { maskPhone } from '@/utils/mask';
import { originsToRequest, validateSettings } from '@/utils/settings-form';
import { DEFAULT_SETTINGS } from '@/utils/storage';
import { newPasswordError, phoneError, smsCodeError } from '@/utils/validation';

describe('input rules', () => {
  it.each([
    ['13412341234', true],
    ['1341234123', false],
    ['134123412345', false],
    ['23412341234', false],
    ['1341234123a', false],
    ['', false],
  ])('phone %s valid = %s', (phone, valid) => {
    expect(phoneError(phone) === undefined).toBe(valid);
  });

  it.each([
    ['1234', true],
    ['12345678', true],
    ['123', false],
    ['123456789', false],
    ['12a4', false],
  ])('SMS code %s valid = %s', (code, valid) => {
    expect(smsCodeError(code) === undefined).toBe(valid);
  });

  it.each([
    ['abcd1234', true],
    ['abcdefgh', false],
    ['12345678', false],
    ['abc123', false],
  ])('new password %s valid = %s', (passwd, valid) => {
    expect(newPasswordError(passwd) === undefined).toBe(valid);
  });

  it('says what is wrong in Chinese', () => {
    expect(phoneError('1')).toMatch(/手机号/);
  });
});

describe('maskPhone', () => {
  it.each([
    ['13412341234', '134****1234'],
    ['+86 134 1234 1234', '861****1234'],
    ['123', '***'],
  ])('%s → %s', (phone, masked) => {
    expect(maskPhone(phone)).toBe(masked);
  });
});

describe('settings form', () => {
  const form = { ...DEFAULT_SETTINGS, randomDelayMinutes: '10' };

  it('accepts the defaults', () => {
    expect(validateSettings(form)).toEqual({ settings: DEFAULT_SETTINGS });
  });

  it('normalises a base URL with a trailing slash', () => {
    expect(validateSettings({ ...form, homingBaseUrl: 'http://127.0.0.1:8787/' })).toMatchObject({ settings: { homingBaseUrl: 'http://127.0.0.1:8787' } });
  });

  it.each([
    ['a Times URL that is not a URL', { timesBaseUrl: 'not a url' }, /时代邻里服务地址/],
    ['a javascript: URL', { homingBaseUrl: 'javascript:alert(1)' }, /https:\/\//],
    ['a time that is not HH:mm', { checkinTime: '8 点' }, /HH:mm/],
    ['a negative delay', { randomDelayMinutes: '-1' }, /0 到 180/],
    ['a fractional delay', { randomDelayMinutes: '2.5' }, /整数/],
    ['an empty delay', { randomDelayMinutes: '' }, /0 到 180/],
    ['plain http to another computer', { homingBaseUrl: 'http://homing.example.com' }, /https:\/\//],
  ])('refuses %s with a message', (_name, change, message) => {
    const result = validateSettings({ ...form, ...change });
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(message);
  });

  it('allows plain http only to this computer (a local test server)', () => {
    expect(validateSettings({ ...form, timesBaseUrl: 'http://127.0.0.1:8787' })).toHaveProperty('settings');
    expect(validateSettings({ ...form, timesBaseUrl: 'http://localhost:8787' })).toHaveProperty('settings');
  });

  it('asks for a look-alike of the production host like any other host', () => {
    expect(originsToRequest({ ...DEFAULT_SETTINGS, timesBaseUrl: 'https://m-center-prod-linli.timesgroup.cn.evil.example' })).toEqual([
      'https://m-center-prod-linli.timesgroup.cn.evil.example/*',
    ]);
  });

  it('asks for permission for every host but the production Times host', () => {
    expect(originsToRequest(DEFAULT_SETTINGS)).toEqual([]);
    expect(
      originsToRequest({ ...DEFAULT_SETTINGS, timesBaseUrl: 'https://m-center-uat-linli.timesgroup.cn', homingBaseUrl: 'https://homing.example.com/api' }),
    ).toEqual(['https://m-center-uat-linli.timesgroup.cn/*', 'https://homing.example.com/*']);
  });
});
