import { maskPhone, type MockEvent } from './events';
import { startMockApi } from './server';

// `npx vite-node tests/mock-api/cli.ts [--port 8787] [--host 127.0.0.1]`: runs the mock for trying the
// extension by hand. SMS codes and captcha answers are printed as they are issued, phone numbers
// masked, since there is no phone to receive them.

function option(name: string): string | undefined {
  const args = process.argv.slice(2);
  const inline = args.find((arg) => arg.startsWith(`--${name}=`));
  if (inline) return inline.slice(name.length + 3);
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? args[index + 1] : undefined;
}

function describe(event: MockEvent): string {
  if (event.type === 'captcha') return `captcha (session ${event.session.slice(0, 6)}…): ${event.text}`;
  const what = event.purpose === 'forgot' ? 'password-reset code' : 'SMS code';
  return `${event.service} ${what} for ${maskPhone(event.phone)}: ${event.code}`;
}

const port = Number(option('port') ?? 8787);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`invalid --port: ${option('port')}`);
  process.exit(2);
}

const api = await startMockApi({
  port,
  host: option('host') ?? '127.0.0.1',
  onEvent: (event) => console.log(`[${new Date().toLocaleTimeString('en-GB')}] ${describe(event)}`),
});
console.log(`mock API listening on ${api.url}`);
console.log(`  Times:  ${api.url}/times/...   Homing: ${api.url}/v1/homing/auth/...`);
console.log(`  Push:   ${api.url}/push/bark/<key>, /push/wecom/cgi-bin/webhook/send?key=<key>, … (tests/mock-api/push.ts)`);
console.log('  Everything is in memory: restarting it ends every session it issued (log in again).');
console.log('  Ctrl+C to stop');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void api.close().then(() => process.exit(0));
  });
}
