import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Command, Reply } from '@/utils/extension/messages';

/**
 * Plays the background worker for a component test: records every command a component sends and
 * answers with `reply(command)`.
 */
export function fakeWorker(reply: (command: Command) => Reply | Promise<Reply>) {
  const sent: Command[] = [];
  fakeBrowser.runtime.onMessage.addListener(async (message: unknown) => {
    sent.push(message as Command);
    return reply(message as Command);
  });
  return sent;
}

/** A worker's refusal in the server's own words, as a reply carries it. */
export const serverSays = (message: string) => ({ key: 'error.server' as const, params: { message } });
