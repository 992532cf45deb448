// Answers read from standard input, one line each: typed at a terminal (the prompt on stderr, a
// passphrase not echoed) or piped in by a script (`printf '%s\n' "$BUNDLE" "$PASS" | … import`).

export interface Prompt {
  /** The next line (trimmed), or undefined at the end of input. `hidden`: not echoed on a terminal. */
  ask(question: string, hidden?: boolean): Promise<string | undefined>;
  close(): void;
}

/**
 * Standard input is only opened at the first question: `run`, `daemon` and `status` never touch it,
 * nor load Node's readline and streams (npm run bench: the runner's start).
 */
export function stdinPrompt(): Prompt {
  let opened: Promise<Prompt> | undefined;
  return {
    ask: async (question, hidden) => (await (opened ??= open())).ask(question, hidden),
    close: () => void opened?.then((prompt) => prompt.close()),
  };
}

async function open(): Promise<Prompt> {
  const [{ createInterface }, { Writable }] = await Promise.all([import('node:readline'), import('node:stream')]);
  const terminal = process.stdin.isTTY === true;
  let muted = false;
  // readline echoes what is typed through its output: a terminal shows the prompt and the typing, except
  // while muted.
  const echo = new Writable({
    write(chunk, _encoding, done) {
      if (!muted) process.stderr.write(chunk);
      done();
    },
  });
  const lines = createInterface({ input: process.stdin, output: echo, terminal });
  const queue: string[] = [];
  const waiting: ((line: string | undefined) => void)[] = [];
  let ended = false;
  lines.on('line', (line) => (waiting.length > 0 ? waiting.shift()!(line) : queue.push(line)));
  // At a terminal readline takes Ctrl+C itself: give it its usual meaning back.
  lines.on('SIGINT', () => process.exit(130));
  lines.on('close', () => {
    ended = true;
    for (const resolve of waiting.splice(0)) resolve(undefined);
  });

  function next(): Promise<string | undefined> {
    if (queue.length > 0) return Promise.resolve(queue.shift());
    if (ended) return Promise.resolve(undefined);
    return new Promise((resolve) => waiting.push(resolve));
  }

  return {
    async ask(question, hidden = false) {
      // A script piping its answers in has nobody to read the question.
      if (terminal) process.stderr.write(question);
      muted = hidden && terminal;
      const line = await next();
      if (muted) process.stderr.write('\n');
      muted = false;
      return line?.trim();
    },
    close: () => lines.close(),
  };
}
