import { readFile } from 'node:fs/promises';
import { maskPhone } from '@/utils/mask';
import type { Command } from './context';

// `import [FILE] [--passphrase P]`: a hand-off bundle from the extension (utils/handoff-bundle.ts). The bundle
// comes from FILE or the first line of standard input, the passphrase from --passphrase or the next
// line (not echoed at a terminal). Refusals are worded in cli.ts from the HandoffError's code.

export const importBundle: Command = async ({ config, output, home, prompt }) => {
  const [file] = config.args;
  const bundle = file ? await readFile(file, 'utf8').catch(() => undefined) : await prompt.ask(config.words.t('runner.askBundle'));
  if (!bundle?.trim()) {
    output.problem(config.words.t('runner.noBundle'));
    return 1;
  }
  const passphrase = config.passphrase ?? (await prompt.ask(config.words.t('runner.askPassphrase'), true)) ?? '';
  const key = await home.locked(() => home.engine.importHandoff(bundle, passphrase), true);
  output.info(config.words.t('runner.imported', { name: maskPhone(key.replace(/^times:/, '')) }));
  return 0;
};
