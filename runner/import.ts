import { readFile } from 'node:fs/promises';
import { maskPhone } from '@/utils/mask';
import type { Command } from './context';

// `import [FILE] [--passphrase P]`: a hand-off bundle from the extension (utils/handoff-bundle.ts). The bundle
// comes from FILE or the first line of standard input, the passphrase from --passphrase or the next
// line (not echoed at a terminal). Refusals are worded in cli.ts from the HandoffError's code.

export const importBundle: Command = async ({ config, output, home: load, prompt }) => {
  const [file] = config.args;
  const bundle = file ? await readFile(file, 'utf8').catch(() => undefined) : await prompt.ask(config.words.askBundle);
  if (!bundle?.trim()) {
    output.problem(config.words.noBundle);
    return 1;
  }
  const passphrase = config.passphrase ?? (await prompt.ask(config.words.askPassphrase, true)) ?? '';
  // Node 18 has WebCrypto only as node:crypto's webcrypto; the hand-off code uses globalThis.crypto.
  // Set up here, the one command that decrypts: even looking at globalThis.crypto loads Node's WebCrypto.
  if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: (await import('node:crypto')).webcrypto, configurable: true });
  const home = await load();
  const key = await home.locked(() => home.engine.importHandoff(bundle, passphrase), true);
  output.info(config.words.imported(maskPhone(key.replace(/^times:/, ''))));
  return 0;
};
