import type { RunnerCatalogue } from '../keys';

// The runner's own words in English; the keys and values of zh-CN.ts (the type says so).

export const runner: RunnerCatalogue = {
  'runner.usage': `Usage: node {program} [--state FILE] <command> [options]

Commands:
  login [--phone PHONE] [--code CODE]   SMS login (without --code it sends a code, then reads it)
  send-code --phone PHONE               only send the SMS code (then login --code)
  run [--force]                         do what is due now: refresh, check in, claim, then exit
  daemon                                stay running and check in on time (Docker, systemd)
  status [--json]                       each account's state today, streak, points, next run
  diagnose                              the last exchanges with the service, masked (for a bug report)
  import [FILE] [--passphrase P]        import a bundle from the extension's "move to an always-on device"
  remove --phone PHONE                  delete the account and its session from this device
  notify-test                           send a test message to every push channel set (BARK_PUSH and Qinglong's other variables)

Options (or environment variables):
  --state FILE          state file (LINLI_STATE; default $XDG_CONFIG_HOME/linli-checkin/state.json)
  --base-url URL        Times service address (LINLI_BASE_URL)
  --checkin-time HH:mm  daily check-in time, China time (LINLI_CHECKIN_TIME, default 08:00)
  --random-delay MIN    upper bound of a random delay after it (LINLI_RANDOM_DELAY, default 10)
  --lang zh|en          output language (LINLI_LANG, default from the locale)
  --quiet               print problems only; --verbose prints more (never a token or a code)

Exit codes: 0 done (run: all done or not due); 1 failed (run: a check-in failed); 2 an account needs a
new login (run); 64 a usage error (unknown command or option, a missing or refused value, no such
file); 65 the state file can't be read or written, or is damaged.`,
  'runner.unknownCommand': 'Unknown command: {command} (see --help)',
  'runner.badLang': 'The language must be zh or en, got: {value}',
  'runner.unknownOption': 'Unknown option: {option} (see --help)',
  'runner.missingValue': '{option} needs a value (see --help)',
  'runner.noValue': '{option} takes no value (write just {option})',
  'runner.badArguments': 'Invalid arguments (see --help)',
  'runner.badValue': '{option}: {reason} (got: {value})',
  'runner.needsPhone': 'Give the phone number with --phone',
  'runner.noState': 'No account yet ({path} does not exist). Log in first: login --phone PHONE',
  'runner.stateDamaged': 'The state file is damaged and was left untouched: {path} ({where}). Restore it from a backup, or move it away and log in again.',
  'runner.stateNewer': 'The state file was written by a newer version of this program: {path}. Update this program.',
  'runner.io.read': 'Cannot read the state file {file}: {reason}',
  'runner.io.write': 'Cannot write the state file {file}: {reason}',
  'runner.io.lock': 'Cannot create the lock {file} beside the state file: {reason}',
  'runner.io.folder': "Cannot create the state file's folder {file}: {reason}",
  'runner.ioReason.EACCES': "user {user} has no permission there ({code}). Change the folder's owner or mode, or choose another place with --state or LINLI_STATE",
  'runner.ioReason.EROFS': 'the file system is read-only ({code}). Choose a writable place with --state or LINLI_STATE (under Docker, a volume not mounted :ro)',
  'runner.ioReason.ENOTDIR': 'a part of that path is a file, not a folder ({code})',
  'runner.ioReason.ENOSPC': 'the disk is full ({code})',
  'runner.ioReason.EISDIR': 'it is a folder, not a file ({code})',
  'runner.ioReason.ENAMETOOLONG': 'the name is too long ({code})',
  'runner.ioReason.other': 'the system refused ({code})',
  'runner.notJson': 'not valid JSON',
  'runner.lockBusy': 'Another check-in process is using {path}; try again later.',
  'runner.lockLost': "Another process took over the state file's lock ({path}); stopping to be safe.",
  'runner.askPhone': 'Phone number: ',
  'runner.askCode': 'SMS code sent to {name}: ',
  'runner.codeSent': 'Code sent to {name}.',
  'runner.loggedIn': 'Logged in {name}.',
  'runner.removed': 'Removed {name} and its session.',
  'runner.noSuchAccount': 'No such account: {name}',
  'runner.askBundle': 'Paste the hand-off bundle (one line): ',
  'runner.askPassphrase': 'Hand-off passphrase: ',
  'runner.noBundle': 'No hand-off bundle was read.',
  'runner.bundleMissing': 'No such bundle file: {file}',
  'runner.bundleUnreadable': 'Cannot read the bundle file {file} ({code})',
  'runner.imported': 'Imported {name}: this device checks it in from now on. The extension no longer does.',
  'runner.handoff.format': 'This is not a whole hand-off bundle (cut short when copied?). Copy the whole line again.',
  'runner.handoff.version': 'The bundle comes from a newer extension: update this program.',
  'runner.handoff.passphrase': 'Wrong passphrase, or the bundle was changed: nothing imported.',
  'runner.handoff.content': 'The bundle holds nothing this program knows: nothing imported.',
  'runner.handoff.stale': 'This device already has a newer session of that account: the bundle is out of date, nothing imported.',
  'runner.handoff.spent': 'This bundle was used already: the server refused its session (it was imported on another device). Nothing imported. A server that sees a session reused may revoke it altogether: the device that imported it first then needs a new SMS login too (run login there, or log in again in the extension and hand it off anew).',
  'runner.noAccounts': 'No account yet. Log in first: login --phone PHONE',
  'runner.line.done': '{name}: checked in today',
  'runner.line.already': '{name}: already checked in today (elsewhere)',
  'runner.line.pending': '{name}: waiting, runs at {at}',
  'runner.line.pendingDue': '{name}: waiting, due now',
  'runner.line.running': '{name}: checking in…',
  'runner.line.failedRetry': '{name}: check-in failed: {reason}; retry at {at}',
  'runner.line.failedFinal': '{name}: check-in failed: {reason}; no more tries today',
  'runner.line.relogin': '{name}: the session ended, log in again (login --phone PHONE)',
  'runner.line.extra': '{line} ({extra})',
  'runner.extra.streak': 'streak {days}',
  'runner.extra.reward': '+{points} points',
  'runner.extra.points': 'balance {points}',
  'runner.extra.separator': ', ',
  'runner.exitRelogin': '{count} account(s) need a new login',
  'runner.exitFailed': '{count} account(s) failed to check in today',
  'runner.daemonStarted': 'Running, state file {path}.',
  'runner.daemonNext': 'Next run: {at}',
  'runner.daemonStopped': 'Stopped.',
  'runner.unexpected': 'Unexpected error ({name})',
  'runner.httpStatus': '{reason} (HTTP {status})',
  'runner.networkAt': 'Cannot reach {host}: {reason}',
  'runner.status.done': 'checked in',
  'runner.status.already': 'already checked in',
  'runner.status.pending': 'waiting',
  'runner.status.running': 'checking in',
  'runner.status.failed': 'failed',
  'runner.status.relogin': 'needs login',
  'runner.status.streak': 'streak {days}',
  'runner.status.points': '{points} points',
  'runner.status.next': 'next {at}',
  'runner.status.dueNow': 'due now',
  'runner.diagnostics.home': 'always-on runner',
};
