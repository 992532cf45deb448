import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureRunnerBuilt, RUNNER } from './support';

// The built runner as people install it: its folder copied anywhere (the entry finds its chunks by
// relative paths), and a start that loads only what the command uses: `status` runs without the
// chunk that holds the engine, the HTTP client and the other commands (npm run bench: the runner's
// start against a bare Node).

const EMPTY_STATE = { format: 'linli-checkin-state', version: 1, accounts: [], secrets: {}, checkins: {}, member: {}, history: {}, notified: [] };

let folder = '';
beforeAll(() => {
  ensureRunnerBuilt();
  folder = mkdtempSync(join(tmpdir(), 'linli-runner-copy-'));
  cpSync(dirname(RUNNER), join(folder, 'runner'), { recursive: true });
  writeFileSync(join(folder, 'state.json'), JSON.stringify(EMPTY_STATE), { mode: 0o600 });
});
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** Runs the copied runner's entry with `--state` in the temporary folder; resolves whatever the exit code. */
async function runCopy(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const env = { PATH: process.env.PATH ?? '', HOME: folder, LINLI_LANG: 'en' };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [join(folder, 'runner/linli-checkin.mjs'), '--state', join(folder, 'state.json'), ...args], { env, cwd: folder });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

describe('runner: the built folder', () => {
  it('runs from a copy of its folder', async () => {
    const status = await runCopy(['status']);
    expect(status.code, status.stderr).toBe(0);
    expect(status.stdout).toMatch(/No account yet/);
    // `run` loads the engine's chunk: no account is exit 2 (docs/E2E-CONTRACT.md).
    const run = await runCopy(['run']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toMatch(/No account yet/);
  });

  it('answers `status` without the engine chunk, which `run` cannot do without', async () => {
    const chunks = join(folder, 'runner/chunks');
    const engine = readdirSync(chunks).filter((name) => name.startsWith('commands-'));
    expect(engine).toHaveLength(1);
    rmSync(join(chunks, engine[0]));

    const status = await runCopy(['status', '--json']);
    expect(status.code, status.stderr).toBe(0);
    expect(JSON.parse(status.stdout)).toEqual([]);
    expect((await runCopy(['run'])).code).not.toBe(0);
  });
});
