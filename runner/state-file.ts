import { maskPhone } from '@/utils/mask';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import { pushLogSchema } from '@/utils/push-schema';
import * as stored from '@/utils/storage-schema';

// The runner's state file: what the extension keeps in storage.local, as one JSON document. Written
// whole, atomically (a temporary file beside it, flushed, then renamed over it) with mode 0600, so a
// crash mid-write leaves the old file, never half a new one. A file that does not read back as this
// shape is refused as it is: the runner never replaces it with an empty state (that would lose the
// tokens, which only a new SMS login could bring back).

const FORMAT = 'linli-checkin-state';
export const STATE_VERSION = 1;

export const stateFileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(STATE_VERSION),
  accounts: z.array(stored.accountSchema),
  secrets: z.record(z.string(), stored.secretSchema),
  /** Today's (or the last) check-in record per account key. */
  checkins: z.record(z.string(), stored.dayRecordSchema),
  member: z.record(z.string(), stored.memberInfoSchema),
  history: z.record(z.string(), z.array(stored.historyTupleSchema)),
  /** Notices already shown, each once (the engine's `notifyOnce`). */
  notified: z.array(stored.notifiedIdSchema),
  /** What was pushed and what waits to be (issue 12); no channel key: those stay in the environment. */
  push: z.optional(pushLogSchema),
});
export type RunnerState = z.infer<typeof stateFileSchema>;

export const emptyState = (): RunnerState => ({
  format: FORMAT,
  version: STATE_VERSION,
  accounts: [],
  secrets: {},
  checkins: {},
  member: {},
  history: {},
  notified: [],
});

/** What the runner was doing with a file when the file system refused: the words name it (state-words.ts). */
export type StateFileAction = 'read' | 'write' | 'lock' | 'folder';

/**
 * Why a state file was refused: `damaged` (not JSON, cut short, or not our shape; `where` says which
 * field, never a value), `newer` (a later version wrote it), `io` (the file system refused: `where` is
 * the error code, e.g. EACCES, `file` the path it refused and `action` what was being done with it).
 */
export class StateFileError extends Error {
  override name = 'StateFileError';
  constructor(
    readonly kind: 'damaged' | 'newer' | 'io',
    readonly where: string,
    readonly file?: string,
    readonly action?: StateFileAction,
  ) {
    super(`state file refused: ${kind} (${where})`);
  }
}

/** The `code` of a Node file-system error (EACCES, ENOENT…), else 'unknown'. */
export const ioCode = (error: unknown) => (error instanceof Error && 'code' in error ? String(error.code) : 'unknown');

/** The state in `path`; undefined when there is no such file. Throws StateFileError otherwise. */
export async function readStateFile(path: string): Promise<RunnerState | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (ioCode(error) === 'ENOENT') return undefined;
    throw new StateFileError('io', ioCode(error), path, 'read');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // Never the parser's message: recent Node quotes the text around the fault, tokens included.
    throw new StateFileError('damaged', 'json');
  }
  const version = typeof value === 'object' && value !== null ? (value as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > STATE_VERSION) throw new StateFileError('newer', String(version));
  const parsed = stateFileSchema.safeParse(value);
  if (!parsed.success) {
    // The path names a record key, `times:<phone>`: masked, as everything the runner prints.
    const path = parsed.error.issues[0]?.path.map((part) => String(part).replace(/\d{7,}/g, (digits) => maskPhone(digits))).join('.');
    throw new StateFileError('damaged', path || 'format');
  }
  return parsed.data;
}

/** Writes the whole state atomically with mode 0600, creating its folder (0700) when missing. */
export async function writeStateFile(path: string, state: RunnerState): Promise<void> {
  // node:crypto is loaded here, not at start: `status` only reads (npm run bench: the runner's start).
  const { randomBytes } = await import('node:crypto');
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  await makeStateFolder(path);
  try {
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(state, null, 1)}\n`, 'utf8');
      // On disk before it replaces the old file: a power cut must not leave an empty file behind.
      await file.sync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    // The temporary file is ours; the user knows the state file, in the same folder.
    throw new StateFileError('io', ioCode(error), path, 'write');
  }
  await syncFolder(dirname(path));
}

/**
 * Creates the state file's folder (0700) when missing. Throws StateFileError `io` naming the folder: a
 * path through a regular file is ENOTDIR (EEXIST when the folder itself is a file).
 */
export async function makeStateFolder(path: string): Promise<void> {
  const folder = dirname(path);
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
  } catch (error) {
    const code = ioCode(error);
    throw new StateFileError('io', code === 'EEXIST' ? 'ENOTDIR' : code, folder, 'folder');
  }
}

/** Makes the rename itself durable; some file systems refuse to open a folder, which is fine. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    await handle.sync().finally(() => handle.close());
  } catch {
    // Best effort.
  }
}
