// The runner's exit codes (docs/E2E-CONTRACT.md, README), so a monitor can tell a typo or a broken
// state file from a failed check-in. 64 and 65 are sysexits.h's EX_USAGE and EX_DATAERR.

export const EXIT = {
  ok: 0,
  /** A check-in failed today (run), or the command did not do what it was asked. */
  failed: 1,
  /** An account needs a new SMS login, or there is none yet (run). */
  relogin: 2,
  /** A usage error: an unknown command or option, a missing or refused value, no such file. */
  usage: 64,
  /** The state file can't be read or written, or is damaged (and was left as it is). */
  state: 65,
} as const;
