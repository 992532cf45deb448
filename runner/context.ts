import type { RunnerConfig } from './config';
import type { Home } from './home';
import type { Output } from './output';
import type { Prompt } from './prompt';

/** What every command is handed; it resolves to the process's exit code. */
export interface Context {
  config: RunnerConfig;
  output: Output;
  /** The engine over the state file, loaded at the first call (one per process): `status` never asks. */
  home: () => Promise<Home>;
  prompt: Prompt;
}

export type Command = (context: Context) => Promise<number>;
