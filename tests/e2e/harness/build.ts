import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EXTENSION_DIR } from './browser';

// The tests drive the built extension, so a build older than the sources would test yesterday's code.
// Rebuilds (about 2 s) only when a source file is newer than the build.

const ROOT = resolve(import.meta.dirname, '../../..');
const SOURCES = ['entrypoints', 'components', 'stores', 'utils', 'public', 'wxt.config.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];

/** The newest modification time of a file or anything under a folder (0 when it does not exist). */
export function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

export function ensureFreshBuild(): void {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  const built = existsSync(manifest) ? statSync(manifest).mtimeMs : 0;
  const changed = Math.max(...SOURCES.map((source) => newestMtime(join(ROOT, source))));
  if (built > changed) return;
  execFileSync('npm', ['run', 'build:e2e'], { cwd: ROOT, stdio: 'pipe' });
}
