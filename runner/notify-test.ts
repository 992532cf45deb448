import { wordIn } from '@/utils/i18n/core';
import { text } from '@/utils/i18n/keys';
import { testPushText } from '@/utils/views/push-text';
import type { Command } from './context';

// `notify-test` (issue 12): one test message to every channel the environment sets (or through
// Qinglong's QLAPI.notify under the panel). Exit 0 when every one was delivered; 1 naming those that
// were not, or when none is set. Needs no state file and takes no lock.

export const notifyTest: Command = async ({ config, output, home: load }) => {
  const lang = config.lang;
  const home = await load();
  if (!home.pusher.configured()) {
    output.failure(wordIn(lang, text('runner.push.none')));
    return 1;
  }
  const outcomes = await home.pusher.sendText(testPushText(lang));
  for (const outcome of outcomes) if (outcome.ok) output.info(wordIn(lang, text('runner.push.delivered', { type: outcome.type })));
  const failed = outcomes.filter((outcome) => !outcome.ok).map((outcome) => outcome.type);
  if (failed.length === 0) return 0;
  output.failure(wordIn(lang, text('runner.push.undelivered', { types: failed.join(', ') })));
  return 1;
};
