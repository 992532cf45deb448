import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loginByCode, useRunner } from './support';

// The command line as a person or a monitor meets it (issue 13): exit 64 for a usage error, 65 for a
// state file that can't be used, words in the chosen language instead of Node's, the file or host a
// failure is about, and `status` that never shows a time past or a balance it never read.

const PHONE = '13412341234';
const runner = useRunner();

describe('runner: usage errors exit 64, in the chosen language', () => {
  it.each<[string, string[], Record<string, string>, RegExp]>([
    ['an unknown command', ['chek-in'], {}, /^Unknown command: chek-in \(see --help\)$/m],
    ['an unknown option', ['run', '--forse'], {}, /^Unknown option: --forse \(see --help\)$/m],
    ['an option without its value', ['run', '--checkin-time'], {}, /^--checkin-time needs a value \(see --help\)$/m],
    ['a refused value', ['run', '--random-delay', '999'], {}, /^--random-delay: .*0 to 180/m],
    ['an unknown option, in Chinese', ['run', '--forse'], { LINLI_LANG: 'zh' }, /^未知选项：--forse（用 --help 查看用法）$/m],
    ['an option without its value, in Chinese', ['status', '--lang', 'zh', '--state'], {}, /^--state 后面缺少取值/m],
    ['no command', [], {}, /Exit codes: .*64 a usage error/s],
  ])('%s', async (_name, args, env, message) => {
    const result = await runner.run(args, { env });
    expect(result.code).toBe(64);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/positional|argument missing|ERR_PARSE_ARGS/);
    expect(runner.mock.requests).toHaveLength(0);
  });

  it('names a bundle file that does not exist', async () => {
    const file = join(dirname(runner.state), 'bundel.txt');
    const result = await runner.run(['import', file, '--passphrase', 'correct horse battery']);
    expect(result.code).toBe(64);
    expect(result.stderr).toContain(`No such bundle file: ${file}`);
  });

  it('shows the exit codes in its usage text', async () => {
    const help = await runner.run(['--help', '--lang', 'zh']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/64 用法错误/);
    expect(help.stdout).toMatch(/65 状态文件无法读写或已损坏/);
  });
});

describe('runner: a state file that cannot be used exits 65', () => {
  it.each([
    ['damaged', 'not json {'],
    ['written by a newer version', JSON.stringify({ format: 'linli-checkin-state', version: 99, accounts: [] })],
  ])('%s', async (_name, text) => {
    writeFileSync(runner.state, text);
    for (const args of [['run'], ['status']]) {
      const result = await runner.run(args);
      expect(result.code, args.join(' ')).toBe(65);
    }
    expect(readFileSync(runner.state, 'utf8')).toBe(text);
  });

  it('under a regular file', async () => {
    const file = join(dirname(runner.state), 'not-a-folder');
    writeFileSync(file, '');
    const result = await runner.run(['run'], { state: join(file, 'state.json') });
    expect(result.code).toBe(65);
  });
});

describe('runner: what a failure is about', () => {
  it('names the host it could not reach', async () => {
    const result = await runner.run(['send-code', '--phone', PHONE], { env: { LINLI_BASE_URL: 'http://127.0.0.1:9' } });
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n').at(-1)).toBe('Cannot reach 127.0.0.1:9: No connection. Check the network and try again');
  });
});

describe('runner: status', () => {
  it('says "due now" for an overdue account and a dash for a balance it never read (null in JSON)', async () => {
    await loginByCode(runner, PHONE);
    const state = JSON.parse(readFileSync(runner.state, 'utf8'));
    delete state.accounts[0].points;
    writeFileSync(runner.state, JSON.stringify(state), { mode: 0o600 });

    // Due at 00:00 China time and not run yet: overdue.
    const text = await runner.run(['status']);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/^134\*\*\*\*1234 {2}waiting {2}– points {2}due now$/m);
    expect(text.stdout).not.toMatch(/\b0 points/);

    const json = await runner.run(['status', '--json']);
    const [account] = JSON.parse(json.stdout);
    expect(account).toMatchObject({ points: null, nextAt: expect.any(Number) });
  });
});
