// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { emptyState, type RunnerState } from '@/runner/state-file';
import { fileStore } from '@/runner/store';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';

// The runner's state store (runner/store.ts): each update is on disk before it resolves, in order, and a
// failed write changes nothing and is remembered for the run's exit.

const secret = (n: number) => ({ provider: 'times' as const, baseUrl: 'https://t', token: `a${n}`, refreshToken: `r${n}`, tokenHead: 'Bearer ', obtainedAt: n, expiresAt: n + 1 });

describe('runner state store', () => {
  it('writes each update before it resolves, the last write holding every change', async () => {
    const written: RunnerState[] = [];
    const store = fileStore('/s.json', DEFAULT_SETTINGS, async (_path, state) => void written.push(structuredClone(state)));
    await Promise.all([store.updateSecrets((s) => ({ ...s, a: secret(1) })), store.updateCheckins((c) => ({ ...c, a: { date: 'd', state: 'done', attempts: 1, at: 1 } }))]);
    expect(written).toHaveLength(2);
    expect(written[1]).toMatchObject({ secrets: { a: { refreshToken: 'r1' } }, checkins: { a: { state: 'done' } } });
    expect(await store.markNotified('x')).toBe(true);
    expect(await store.markNotified('x')).toBe(false);
    expect(written).toHaveLength(3); // the second mark changed nothing and wrote nothing
  });

  it('keeps the state as it was when a write fails, and reports the failure', async () => {
    let fail = false;
    const store = fileStore('/s.json', DEFAULT_SETTINGS, async () => {
      if (fail) throw new Error('ENOSPC');
    });
    store.load({ ...emptyState(), secrets: { a: secret(1) } });
    fail = true;
    await expect(store.updateSecrets((s) => ({ ...s, a: secret(2) }))).rejects.toThrow('ENOSPC');
    expect((await store.readSecrets()).a).toMatchObject({ refreshToken: 'r1' });
    expect(store.writeFailure()).toBeInstanceOf(Error);
    fail = false;
    await store.updateSecrets((s) => ({ ...s, a: secret(3) }));
    expect((await store.readSecrets()).a).toMatchObject({ refreshToken: 'r3' });
  });
});

describe('runner state file', () => {
  it('names where a damaged file is wrong without printing a full phone number', async () => {
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const { readStateFile, StateFileError } = await import('@/runner/state-file');
    const path = join(await mkdtemp(join(tmpdir(), 'linli-state-')), 'state.json');
    const state = { ...emptyState(), secrets: { 'times:13812345678': { ...secret(1), refreshToken: 42 } } };
    await writeFile(path, JSON.stringify(state));
    const error = await readStateFile(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(StateFileError);
    expect(`${(error as Error).message} ${(error as { where: string }).where}`).not.toContain('13812345678');
    expect((error as { where: string }).where).toBe('secrets.times:138****5678.refreshToken');
  });
});
