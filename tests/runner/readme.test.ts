import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ensureRunnerBuilt } from './support';

// The README's runner commands as a new user types them (issue 13): the lines run in order, from a
// fresh home folder, work; the Docker login is a line of its own.

const ROOT = resolve(import.meta.dirname, '../..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** The lines of the first ```sh block after `heading`, without comments. */
function shBlockAfter(heading: string): string[] {
  const from = readme.indexOf(heading);
  expect(from, heading).toBeGreaterThanOrEqual(0);
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(from));
  expect(block, `a sh block after ${heading}`).not.toBeNull();
  return block![1]
    .split('\n')
    .map((line) => line.replace(/\s+#.*$/, '').trim())
    .filter(Boolean);
}

let home = '';
beforeAll(() => ensureRunnerBuilt());
afterEach(() => rmSync(home, { recursive: true, force: true }));

describe('README: the runner as typed', () => {
  it('builds, makes the folder, copies the file and runs it from a fresh home folder', () => {
    home = mkdtempSync(join(tmpdir(), 'linli-readme-'));
    const lines = shBlockAfter('### Build and first login');
    expect(lines[0]).toMatch(/npm run build:runner/);
    const copy = lines.findIndex((line) => line.startsWith('cp '));
    expect(copy).toBeGreaterThan(0);
    // Everything after the build up to the copy, then the runner as the README calls it (status
    // instead of the interactive login).
    const typed = [...lines.slice(1, copy + 1), lines[copy + 1].replace(/ login$/, ' status')];
    expect(typed.at(-1)).toMatch(/^node ~\/linli\/linli-checkin\.mjs status$/);
    const output = execFileSync('bash', ['-euc', typed.join('\n')], { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: home, LANG: 'C.UTF-8' }, encoding: 'utf8' });
    expect(existsSync(join(home, 'linli', 'linli-checkin.mjs'))).toBe(true);
    expect(output).toMatch(/No account yet/);
  });

  it('logs in under Docker on a line of its own, on the same folder and state as the daemon', () => {
    const lines = shBlockAfter('### Docker');
    const copy = lines.findIndex((line) => /^mkdir -p linli && cp -r \.output\/runner\/\. linli\/$/.test(line));
    const login = lines.findIndex((line) => /^docker run --rm -it .* login$/.test(line));
    const daemon = lines.findIndex((line) => /^docker run -d .* daemon$/.test(line));
    expect([copy >= 0, login > copy, daemon > login]).toEqual([true, true, true]);
    const mounts = (line: string) => line.replace(/^docker run (--rm -it|-d --name \S+ --restart \S+) /, '').replace(/ (login|daemon)$/, '');
    expect(mounts(lines[login])).toBe(mounts(lines[daemon]));
  });

  it('says that restarting the mock server ends every session', () => {
    expect(readme).toMatch(/restarting it ends every session it issued/);
  });
});
