import type { RunnerConfig } from './config';
import type { Home } from './home';
import type { Output } from './output';
import type { Prompt } from './prompt';

/** What every command is handed; it resolves to the process's exit code. */
export interface Context {
  config: RunnerConfig;
  output: Output;
  home: Home;
  prompt: Prompt;
}

export type Command = (context: Context) => Promise<number>;
