// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { ConfigError, defaultStatePath, readConfig } from '@/runner/config';
import { exitCodeOf, type AccountReport } from '@/runner/report';
import { TIMES_PRODUCTION_URL } from '@/utils/hosts';
import { langFromEnv } from '@/utils/i18n/runner';

// The runner's command line and environment (docs/E2E-CONTRACT.md, "Runner"), and its exit codes.

describe('runner configuration', () => {
  it('takes the defaults: production server, 08:00 with up to 10 minutes, the XDG state file', () => {
    const config = readConfig(['run'], { XDG_CONFIG_HOME: '/cfg' });
    expect(config.command).toBe('run');
    expect(config.statePath).toBe('/cfg/linli-checkin/state.json');
    expect(config.settings).toMatchObject({ timesBaseUrl: TIMES_PRODUCTION_URL, checkinTime: '08:00', randomDelayMinutes: 10, notifications: true, autoClaim: true });
    expect(defaultStatePath({ HOME: '/h' })).toMatch(/\.config\/linli-checkin\/state\.json$/);
  });

  it('reads LINLI_* variables, and options win over them, before or after the command', () => {
    const env = { LINLI_STATE: '/a.json', LINLI_BASE_URL: 'http://127.0.0.1:8787/', LINLI_CHECKIN_TIME: '07:30', LINLI_RANDOM_DELAY: '0' };
    expect(readConfig(['run'], env)).toMatchObject({ statePath: '/a.json', settings: { timesBaseUrl: 'http://127.0.0.1:8787', checkinTime: '07:30', randomDelayMinutes: 0 } });
    const config = readConfig(['--state', '/b.json', 'run', '--checkin-time', '09:15', '--force'], env);
    expect(config).toMatchObject({ statePath: '/b.json', force: true, settings: { checkinTime: '09:15' } });
  });

  it.each([
    [['run'], { LINLI_CHECKIN_TIME: '25:00' }, /HH:mm/],
    [['run', '--checkin-time', '8h'], {}, /--checkin-time/],
    [['run'], { LINLI_RANDOM_DELAY: '181' }, /0 to 180/],
    [['run'], { LINLI_RANDOM_DELAY: '-1' }, /0 to 180/],
    [['run'], { LINLI_BASE_URL: 'http://times.example.com' }, /https:\/\//],
    [['run', '--lang', 'fr'], {}, /zh or en/],
    [['run', '--nonsense'], {}, /^Unknown option: --nonsense \(see --help\)$/],
    [['-x', 'run'], {}, /^Unknown option: -x /],
    [['run', '--state'], {}, /^--state needs a value/],
    [['--state', '--verbose', 'run'], {}, /^--state needs a value/],
    [['run', '--force=yes'], {}, /^--force takes no value/],
    [['run', '--nonsense', '--lang', 'zh'], {}, /^未知选项：--nonsense/],
    [['run', '--phone'], { LINLI_LANG: 'zh' }, /^--phone 后面缺少取值/],
  ])('refuses %j with %j in words of its own, never Node\'s', (argv, env, message) => {
    expect(() => readConfig(argv, env)).toThrow(ConfigError);
    expect(() => readConfig(argv, env)).toThrow(message);
    expect(() => readConfig(argv, env)).not.toThrow(/positional|argument missing|ambiguous/);
  });

  it('reads a time and an address as the options page does: 8:05 is 08:05, a trailing slash goes', () => {
    expect(readConfig(['run', '--checkin-time', '8:05'], {}).settings.checkinTime).toBe('08:05');
    expect(readConfig(['run'], { LINLI_CHECKIN_TIME: ' 7:30 ', LINLI_BASE_URL: 'https://times.example.com/' }).settings).toMatchObject({ checkinTime: '07:30', timesBaseUrl: 'https://times.example.com' });
  });

  it('reads full-width digits and stray spaces as the options page does, and hints at a missing scheme', () => {
    expect(readConfig(['run', '--checkin-time', '８：００', '--random-delay', '１ ５'], {}).settings).toMatchObject({ checkinTime: '08:00', randomDelayMinutes: 15 });
    expect(() => readConfig(['run'], { LINLI_BASE_URL: 'times.example.com' })).toThrow(/Did you mean https:\/\/times\.example\.com\?/);
  });

  it('words its refusals in Chinese under a Chinese locale', () => {
    expect(() => readConfig(['run'], { LANG: 'zh_CN.UTF-8', LINLI_CHECKIN_TIME: '25:00' })).toThrow(/签到时间须为 HH:mm/);
  });

  it.each([
    [{ LINLI_LANG: 'en', LANG: 'zh_CN.UTF-8' }, 'en'],
    [{ LC_ALL: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }, 'zh-CN'],
    [{ LC_MESSAGES: 'zh_CN' }, 'zh-CN'],
    [{ LANG: 'en_GB.UTF-8' }, 'en'],
    [{}, 'en'],
    [{ LINLI_LANG: 'zh-CN' }, 'zh-CN'],
  ])('chooses the language from %j: %s', (env, lang) => {
    expect(langFromEnv(env)).toBe(lang);
  });
});

describe("run's exit code", () => {
  const report = (state: AccountReport['state']): AccountReport => ({ key: 'k', name: 'n', phone: 'p', state });
  it.each<[AccountReport['state'][], number]>([
    [['done', 'already', 'pending'], 0],
    [['done', 'failed'], 1],
    [['failed', 'relogin'], 2],
    [[], 2],
  ])('%j → %i', (states, code) => {
    expect(exitCodeOf(states.map(report))).toBe(code);
  });
});
