import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { newestMtime } from '../e2e/harness/build';
import { chinaDate } from '../mock-api/china-time';
import { startMockApi, type MockApi } from '../mock-api/server';

// The built runner (.output/runner/linli-checkin.mjs) driven as a subprocess against the mock API, as
// a cron job or a person would run it. Every run's output is checked for secrets on the way.

const ROOT = resolve(import.meta.dirname, '../..');
export const RUNNER = join(ROOT, '.output/runner/linli-checkin.mjs');
const SOURCES = ['runner', 'utils', 'scripts/build-runner.mjs', 'package.json', 'package-lock.json'];

/** Builds the runner when a source is newer than the bundle (about a second). */
export function ensureRunnerBuilt(): void {
  const built = existsSync(RUNNER) ? statSync(RUNNER).mtimeMs : 0;
  if (built > Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))))) return;
  execFileSync('node', ['scripts/build-runner.mjs'], { cwd: ROOT, stdio: 'pipe' });
}

export interface Result {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Another user to run as (uid, gid): root can't be refused a write, so a permission test runs the runner as nobody. */
export type RunAs = { uid: number; gid: number };

/** Starts `node linli-checkin.mjs --state STATE ...args` with only `env` (plus PATH) in its environment. */
export function spawnRunner(
  state: string,
  args: string[],
  env: Record<string, string>,
  options: { as?: RunAs; cwd?: string } = {},
): { child: ChildProcess; done: Promise<Result> } {
  const child = spawn(process.execPath, [RUNNER, '--state', state, ...args], { cwd: options.cwd ?? dirname(state), env: { PATH: process.env.PATH ?? '', ...env }, ...options.as });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const done = new Promise<Result>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
  return { child, done };
}

export interface RunOptions {
  env?: Record<string, string>;
  /** Another state file than this test's `state.json`. */
  state?: string;
  as?: RunAs;
}

export interface Runner {
  readonly mock: MockApi;
  /** This test's state file (in a fresh folder). */
  readonly state: string;
  /** Runs the runner with `args` after `--state FILE` (`state`: another file); `input` is written to its stdin. */
  run(args: string[], options?: RunOptions & { input?: string }): Promise<Result>;
  /** Starts the runner and leaves its stdin open (to type a code once the mock sent it). */
  start(args: string[], options?: RunOptions): { child: ChildProcess; done: Promise<Result> };
  /** Every phone's codes and every token the tests saw: none may appear in any output. */
  secrets: Set<string>;
}

/** `run` and friends bound to a mock API (one per file) and a fresh state folder per test. */
export function useRunner(): Runner {
  let mock: MockApi | undefined;
  let folder = '';
  const secrets = new Set<string>();
  const outputs: string[] = [];

  beforeAll(async () => {
    ensureRunnerBuilt();
    mock = await startMockApi({ onEvent: (event) => void (event.type === 'sms' && secrets.add(event.code)) });
  });
  beforeEach(async () => {
    mock?.reset();
    folder = mkdtempSync(join(tmpdir(), 'linli-runner-'));
    await awayFromChinaMidnight();
  });
  afterEach(() => {
    // Tokens the test's runs stored: checked against everything printed, then the folder goes.
    for (const token of storedTokens(join(folder, 'state.json'))) secrets.add(token);
    for (const text of outputs.splice(0)) for (const secret of secrets) expect(text.includes(secret), 'a secret was printed').toBe(false);
    rmSync(folder, { recursive: true, force: true });
  });
  afterAll(() => mock?.close());

  const environment = (extra: Record<string, string> = {}) => ({
    HOME: folder,
    LANG: 'C.UTF-8',
    LINLI_BASE_URL: mock!.url,
    // Due at any time of the day, so a run checks in now.
    LINLI_CHECKIN_TIME: '00:00',
    LINLI_RANDOM_DELAY: '0',
    ...extra,
  });

  function start(args: string[], options: RunOptions = {}) {
    const { child, done } = spawnRunner(options.state ?? join(folder, 'state.json'), args, environment(options.env), { as: options.as, cwd: folder });
    return { child, done: done.then((result) => (outputs.push(result.stdout, result.stderr), result)) };
  }

  return {
    get mock() {
      if (!mock) throw new Error('the mock API starts in beforeAll');
      return mock;
    },
    get state() {
      return join(folder, 'state.json');
    },
    async run(args, options = {}) {
      const { child, done } = start(args, options);
      child.stdin?.end(options.input ?? '');
      return done;
    },
    start,
    secrets,
  };
}

/** The access and refresh tokens in a state file (for the secret checks; never printed). */
export function storedTokens(path: string): string[] {
  if (!existsSync(path)) return [];
  try {
    const state = JSON.parse(readFileSync(path, 'utf8')) as { secrets?: Record<string, { token?: string; refreshToken?: string }> };
    return Object.values(state.secrets ?? {}).flatMap((secret) => [secret.token, secret.refreshToken].filter((t): t is string => !!t));
  } catch {
    return [];
  }
}

/** The state file as JSON (for assertions on accounts and records, not secrets). */
export function readState(path: string): {
  accounts: { key: string; session: string; phone: string }[];
  checkins: Record<string, { state: string; date: string }>;
  secrets: Record<string, { refreshToken: string }>;
} {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/**
 * A test spans a few seconds of real time and its assertions are about one China day: one started
 * in the last 20 s of a day waits for the next.
 */
async function awayFromChinaMidnight(): Promise<void> {
  const now = Date.now();
  const left = Date.parse(`${chinaDate(now + 86_400_000)}T00:00:00+08:00`) - now;
  if (left < 20_000) await new Promise((resolve) => setTimeout(resolve, left + 500));
}

/** Logs `phone` in with `login --phone P --code C`, the code read from the mock as the phone would. */
export async function loginByCode(runner: Runner, phone: string): Promise<Result> {
  const sent = await runner.run(['send-code', '--phone', phone]);
  expect(sent.code, sent.stderr).toBe(0);
  const code = runner.mock.times.lastCode(phone);
  if (!code) throw new Error('the mock sent no code');
  const result = await runner.run(['login', '--phone', phone, '--code', code]);
  expect(result.code, result.stderr).toBe(0);
  return result;
}
