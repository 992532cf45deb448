import { describe, expect, it } from 'vitest';
import { loginByCode, readState, useRunner } from './support';

// `daemon` (issue 8): checks in when due, holds the lock only while it works, stops cleanly on SIGTERM.

const PHONE = '13412341234';
const KEY = `times:${PHONE}`;
const runner = useRunner();

async function until(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('runner: daemon', () => {
  it('checks in at once when due, lets a manual run in while it sleeps, and stops on SIGTERM', async () => {
    await loginByCode(runner, PHONE);
    const { child, done } = runner.start(['daemon']);
    try {
      await until(() => runner.mock.hits('times.collect').length > 0 && readState(runner.state).checkins[KEY]?.state === 'done', 15_000);

      const manual = await runner.run(['run']);
      expect(manual.code, manual.stderr).toBe(0);
      expect(runner.mock.hits('times.collect')).toHaveLength(1);
    } finally {
      child.kill('SIGTERM');
    }
    const result = await done;
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\] 134\*\*\*\*1234: checked in today/);
    expect(result.stdout).toMatch(/Stopped\./);
  });
});
