import { describe, expect, it } from 'vitest';
import { readState, useRunner } from './support';

// The runner reads numbers as the popup does (issue 13, utils/phone-input.ts), and a typo at its
// prompt asks again instead of ending the login.

const PHONE = '13900139001';
const runner = useRunner();
const fullWidth = (digits: string) => digits.replace(/\d/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));

/** The code the mock sent to `phone`, once it has. */
const codeSentTo = (phone: string) =>
  new Promise<string>((resolve) => {
    const poll = setInterval(() => {
      const sent = runner.mock.times.lastCode(phone);
      if (sent) resolve((clearInterval(poll), sent));
    }, 50);
  });

describe('runner: numbers as people type them', () => {
  it('asks again after a mistyped phone and code, and takes a pasted +86 number and a full-width code', async () => {
    const { child, done } = runner.start(['login']);
    child.stdin?.write('139-0013-900\n');
    child.stdin?.write('+86 139 0013 9001\n');
    const code = await codeSentTo(PHONE);
    child.stdin?.write('12\n');
    child.stdin?.end(`${fullWidth(code)}\n`);
    const result = await done;

    expect(result.code, result.stderr).toBe(0);
    // Each typo said why, once; the login went on.
    expect(result.stderr.match(/11-digit mobile number/g)).toHaveLength(1);
    expect(result.stderr.match(/4–8 digit code/g)).toHaveLength(1);
    expect(readState(runner.state).accounts).toEqual([expect.objectContaining({ key: `times:${PHONE}`, session: 'active' })]);
  });

  it('reads --phone as pasted, for send-code, login and remove', async () => {
    expect((await runner.run(['send-code', '--phone', '0086 139-0013-9001'])).code).toBe(0);
    const code = runner.mock.times.lastCode(PHONE);
    expect(code).toBeDefined();
    const login = await runner.run(['login', '--phone', '+86 139 0013 9001', '--code', ` ${code} `]);
    expect(login.code, login.stderr).toBe(0);
    const removed = await runner.run(['remove', '--phone', '139 0013 9001']);
    expect(removed.code, removed.stderr).toBe(0);
    expect(readState(runner.state).accounts).toEqual([]);
  });

  it('ends with the reason when standard input ends before a valid phone', async () => {
    const result = await runner.run(['login'], { input: '12345\n' });
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/11-digit mobile number/);
    expect(result.stderr).toMatch(/--phone/);
  });
});
