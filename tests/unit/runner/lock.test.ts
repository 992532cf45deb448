// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { lockState } from '@/runner/lock';
import { emptyState, StateFileError, writeStateFile } from '@/runner/state-file';
import { stateFileProblem } from '@/runner/state-words';
import { runnerWords } from '@/utils/i18n/runner';

// The state file's lock and folder when the file system refuses (issue 13): a refusal is said at once,
// naming the file and why; only a busy lock is waited for.

const fsError = (code: string) => Object.assign(new Error(`${code}: refused`), { code });
const folders: string[] = [];
const scratch = () => {
  const folder = mkdtempSync(join(tmpdir(), 'linli-lock-'));
  folders.push(folder);
  return folder;
};
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
});

describe('lockState', () => {
  it.each(['EACCES', 'EROFS', 'EPERM'])('fails at once on %s, naming the lock, instead of waiting as if it were busy', async (code) => {
    const state = join(scratch(), 'state.json');
    let calls = 0;
    const started = Date.now();
    const error = await lockState(state, () => undefined, async () => {
      calls += 1;
      throw fsError(code);
    }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StateFileError);
    expect(error).toMatchObject({ kind: 'io', where: code, file: `${state}.lock`, action: 'lock' });
    expect(calls).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('waits for a busy lock and takes it once it is let go', async () => {
    const state = join(scratch(), 'state.json');
    let calls = 0;
    const release = await lockState(state, () => undefined, async () => {
      calls += 1;
      if (calls < 3) throw Object.assign(new Error('Lock file is already being held'), { code: 'ELOCKED' });
      return async () => undefined;
    });
    expect(calls).toBe(3);
    await release();
  });

  it('names the folder when a part of the state path is a file', async () => {
    const file = join(scratch(), 'not-a-folder');
    writeFileSync(file, '');
    const error = await lockState(join(file, 'linli', 'state.json'), () => undefined).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'io', where: 'ENOTDIR', file: join(file, 'linli'), action: 'folder' });
  });

  it('takes and lets go of a real lock in a writable folder', async () => {
    const state = join(scratch(), 'state.json');
    const release = await lockState(state, () => undefined);
    await release();
  });
});

describe('writeStateFile', () => {
  it('names the folder it could not create', async () => {
    const file = join(scratch(), 'not-a-folder');
    writeFileSync(file, '');
    const error = await writeStateFile(join(file, 'state.json'), emptyState()).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'io', where: 'ENOTDIR', file, action: 'folder' });
  });
});

describe('the words for a refused state file', () => {
  const en = runnerWords('en');
  const zh = runnerWords('zh-CN');

  it.each<[string, StateFileError, string]>([
    [
      'a lock in a folder this user may not write',
      new StateFileError('io', 'EACCES', '/srv/linli/state.json.lock', 'lock'),
      'Cannot create the lock /srv/linli/state.json.lock beside the state file: user alice has no permission there (EACCES). Change the folder\'s owner or mode, or choose another place with --state or LINLI_STATE',
    ],
    [
      'a state file on a read-only file system',
      new StateFileError('io', 'EROFS', '/data/state.json', 'write'),
      'Cannot write the state file /data/state.json: the file system is read-only (EROFS). Choose a writable place with --state or LINLI_STATE (under Docker, a volume not mounted :ro)',
    ],
    ['a folder under a file', new StateFileError('io', 'ENOTDIR', '/srv/file/linli', 'folder'), "Cannot create the state file's folder /srv/file/linli: a part of that path is a file, not a folder (ENOTDIR)"],
    ['an unreadable state file', new StateFileError('io', 'EIO', '/srv/linli/state.json', 'read'), 'Cannot read the state file /srv/linli/state.json: the system refused (EIO)'],
    ['a full disk', new StateFileError('io', 'ENOSPC', '/srv/linli/state.json', 'write'), 'Cannot write the state file /srv/linli/state.json: the disk is full (ENOSPC)'],
  ])('says which file and why: %s', (_name, error, sentence) => {
    expect(stateFileProblem(error, '/srv/linli/state.json', en, 'alice')).toBe(sentence);
  });

  it('says it in Chinese too', () => {
    expect(stateFileProblem(new StateFileError('io', 'EACCES', '/srv/linli/state.json.lock', 'lock'), '/srv/linli/state.json', zh, 'alice')).toBe(
      '无法在状态文件旁创建锁 /srv/linli/state.json.lock：用户 alice 没有权限（EACCES）。请修改该文件夹的所有者或权限，或用 --state / LINLI_STATE 换一个位置',
    );
  });
});
