import { readFile } from 'node:fs/promises';
import type { RunnerWords } from '@/utils/i18n/runner';
import { maskPhone } from '@/utils/mask';
import { ConfigError } from './config';
import type { Command } from './context';
import { EXIT } from './exit-codes';
import { ioCode } from './state-file';

// `import [FILE] [--passphrase P]`: a hand-off bundle from the extension (utils/handoff-bundle.ts). The bundle
// comes from FILE or the first line of standard input, the passphrase from --passphrase or the next
// line (not echoed at a terminal). Refusals are worded in cli.ts from the HandoffError's code.

/** The bundle file's text; a file that can't be read is a usage error naming it (ConfigError). */
async function readBundleFile(file: string, words: RunnerWords): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = ioCode(error);
    throw new ConfigError(code === 'ENOENT' ? words.t('runner.bundleMissing', { file }) : words.t('runner.bundleUnreadable', { file, code }));
  }
}

export const importBundle: Command = async ({ config, output, home: load, prompt }) => {
  const [file] = config.args;
  const bundle = file ? await readBundleFile(file, config.words) : await prompt.ask(config.words.t('runner.askBundle'));
  if (!bundle?.trim()) {
    output.problem(config.words.t('runner.noBundle'));
    return EXIT.usage;
  }
  const passphrase = config.passphrase ?? (await prompt.ask(config.words.t('runner.askPassphrase'), true)) ?? '';
  const home = await load();
  const key = await home.locked(() => home.engine.importHandoff(bundle, passphrase), true);
  output.info(config.words.t('runner.imported', { name: maskPhone(key.replace(/^times:/, '')) }));
  return 0;
};
