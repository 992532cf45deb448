// Every command that needs the engine, with what they share: the engine over the state file (home.ts),
// the HTTP client, the lock, the push channels, and the words for an error that ends a command. cli.ts
// loads this module when one of them runs (or when a command failed), so `status` and `diagnose`,
// which only read files, load none of it (npm run bench: the runner's start).

export { daemon } from './daemon';
export { explain } from './explain';
export { createHome } from './home';
export { importBundle } from './import';
export { login, remove, sendCode } from './login';
export { notifyTest } from './notify-test';
export { run } from './run';
