import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import * as z from 'zod/mini';
import { diagnosticsLogSchema, type DiagnosticsLog } from '@/utils/storage-schema';

// The runner's diagnostics log (utils/core/diagnostics.ts) lives in a file of its own beside the state
// file (`state.json` → `state.diagnostics.json`), not as a field of it: the state file holds the tokens
// and is written durably (flushed, renamed, its folder synced) before a rotated token is used; a log
// written with every request would add those writes for nothing, and a log that can't be written (a
// full disk) must never be what fails a run or puts the state at risk. Apart, the state file keeps its
// version (an older runner still reads it), `diagnose` reads the log without the lock, and deleting the
// log loses nothing. Its logs are named by masked phone (no whole number in it); mode 0600 all the same.

const FORMAT = 'linli-checkin-diagnostics';
const VERSION = 1;

/** `…/state.json` → `…/state.diagnostics.json` (any other name gets `.diagnostics.json` added). */
export const diagnosticsPath = (statePath: string) => statePath.replace(/(\.json)?$/i, '.diagnostics.json');

const fileSchema = z.object({ format: z.literal(FORMAT), version: z.number(), logs: z.record(z.string(), z.unknown()) });

/** The logs in the file; none when it is missing or damaged (only a log: the next write replaces it). */
export async function readDiagnosticsFile(path: string): Promise<Record<string, DiagnosticsLog>> {
  let parsed;
  try {
    parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return {};
  }
  if (!parsed.success) return {};
  const logs: Record<string, DiagnosticsLog> = {};
  for (const [key, log] of Object.entries(parsed.data.logs)) {
    const valid = diagnosticsLogSchema.safeParse(log);
    if (valid.success) logs[key] = valid.data;
  }
  return logs;
}

/** Writes the logs whole (a temporary file renamed over the old one), mode 0600. */
export async function writeDiagnosticsFile(path: string, logs: Record<string, DiagnosticsLog>): Promise<void> {
  const temporary = `${path}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await writeFile(temporary, `${JSON.stringify({ format: FORMAT, version: VERSION, logs })}\n`, { mode: 0o600, flag: 'wx' });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    throw error;
  }
}
