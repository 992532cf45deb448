import { describe, expect, it } from 'vitest';
import { maskPhone } from '@/utils/mask';
import { originsToRequest, validateSettings } from '@/utils/views/settings-form';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';
import { newPasswordError, phoneError, smsCodeError } from '@/utils/validation';
import { zh } from '../../../words';
import type { Text } from '@/utils/i18n/keys';

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
    expect(zh(phoneError('1'))).toMatch(/手机号/);
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
    ['a Times URL that is not a URL', { timesBaseUrl: 'not a url' }, /不是有效的网址/],
    ['a javascript: URL', { homingBaseUrl: 'javascript:alert(1)' }, /https:\/\//],
    ['a time that is not HH:mm', { checkinTime: '8 点' }, /HH:mm/],
    ['a negative delay', { randomDelayMinutes: '-1' }, /0 到 180/],
    ['a fractional delay', { randomDelayMinutes: '2.5' }, /整数/],
    ['an empty delay', { randomDelayMinutes: '' }, /0 到 180/],
    ['plain http to another computer', { homingBaseUrl: 'http://homing.example.com' }, /https:\/\//],
  ])('refuses %s with a message', (_name, change, message) => {
    const result = validateSettings({ ...form, ...change });
    expect(result).toHaveProperty('error');
    expect(zh((result as { error: Text }).error)).toMatch(message);
  });

  it.each([
    ['timesBaseUrl', { timesBaseUrl: 'not a url' }],
    ['homingBaseUrl', { homingBaseUrl: 'ftp://x' }],
    ['checkinTime', { checkinTime: '24:00' }],
    ['randomDelayMinutes', { randomDelayMinutes: '181' }],
  ])('names the field %s as the one refused', (field, change) => {
    expect(validateSettings({ ...form, ...change })).toMatchObject({ field });
  });

  it.each([
    ['08:00', '08:00'],
    ['8:05', '08:05'],
    [' 23:59 ', '23:59'],
    ['８:００', '08:00'],
    ['８：０５', '08:05'],
    [' 8 : 05 ', '08:05'],
    ['０７：３０　', '07:30'],
  ])('reads the time %j as 24-hour China time %s', (typed, stored) => {
    expect(validateSettings({ ...form, checkinTime: typed })).toMatchObject({ settings: { checkinTime: stored } });
  });

  it.each(['08:00 AM', '8', '24:00', '12:60', '0800'])('refuses the time %j', (typed) => {
    expect(validateSettings({ ...form, checkinTime: typed })).toMatchObject({ field: 'checkinTime' });
  });

  it.each([
    ['１０', 10],
    [' 1 0 ', 10],
    ['０', 0],
    [' 180\u3000', 180],
  ])('reads the delay %j as %d minutes', (typed, minutes) => {
    expect(validateSettings({ ...form, randomDelayMinutes: typed })).toMatchObject({ settings: { randomDelayMinutes: minutes } });
  });

  it.each([
    ['m-center-uat-linli.timesgroup.cn', 'https://m-center-uat-linli.timesgroup.cn'],
    ['homing.example.com/api/', 'https://homing.example.com/api'],
    ['localhost:8787', 'http://localhost:8787'],
    ['127.0.0.1:8787', 'http://127.0.0.1:8787'],
  ])('answers %j, typed without a scheme, with the address it most likely meant', (typed, meant) => {
    const result = validateSettings({ ...form, homingBaseUrl: typed });
    expect(result).toMatchObject({ field: 'homingBaseUrl', error: { key: 'options.error.noScheme', params: { url: meant } } });
    expect(zh((result as { error: Text }).error)).toContain(meant);
    // Nothing is taken silently: the address as suggested is what saves.
    expect(validateSettings({ ...form, homingBaseUrl: meant })).toMatchObject({ settings: { homingBaseUrl: meant } });
  });

  it('gives no suggestion where adding a scheme would not make an address', () => {
    expect(validateSettings({ ...form, timesBaseUrl: 'not a url' })).toMatchObject({ error: { key: 'options.error.badUrl' } });
    expect(validateSettings({ ...form, timesBaseUrl: 'javascript:alert(1)' })).toMatchObject({ error: { key: 'options.error.scheme' } });
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
