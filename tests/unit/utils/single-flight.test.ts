import { describe, expect, it } from 'vitest';
import { singleFlight } from '@/utils/single-flight';

describe('singleFlight', () => {
  it('gives a caller who arrives while a task runs that same task, and starts anew after it ends', async () => {
    const once = singleFlight<number>();
    let started = 0;
    const task = () => Promise.resolve(++started);
    const [a, b] = await Promise.all([once('k', task), once('k', task)]);
    expect([a, b, started]).toEqual([1, 1, 1]);
    expect(await once('k', task)).toBe(2);
    expect(await once('other', task)).toBe(3);
  });
});
