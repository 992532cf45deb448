import { DEMO_EMPLOYEE, DEMO_POINTS, demoSetup } from './demo';
import { maskPhone, type MockEvent } from './events';
import { startMockApi } from './server';

// `npx vite-node tests/mock-api/cli.ts [--port 8787] [--host 127.0.0.1] [--points]`: runs the mock for
// trying the extension by hand. SMS codes and captcha answers are printed as they are issued, phone
// numbers masked, since there is no phone to receive them. It knows a Homing employee (its password is
// in the banner); `--points` gives every resident 邦豆 waiting to be claimed and 邦豆 about to expire
// (tests/mock-api/demo.ts). Everything lives in memory: stopping it ends every session it issued.

const args = process.argv.slice(2);

function option(name: string): string | undefined {
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
const points = args.includes('--points');

const demo = demoSetup({ points });
const api = await startMockApi({
  port,
  host: option('host') ?? '127.0.0.1',
  onEvent: (event) => {
    demo.onEvent(event);
    console.log(`[${new Date().toLocaleTimeString('en-GB')}] ${describe(event)}`);
  },
});
demo.start(api);
const waiting = DEMO_POINTS.waiting.reduce((sum, record) => sum + record.points, 0);
console.log(`mock API listening on ${api.url}`);
console.log(`  Times:  ${api.url}/times/...   Homing: ${api.url}/v1/homing/auth/...`);
console.log(`  Push:   ${api.url}/push/bark/<key>, /push/wecom/cgi-bin/webhook/send?key=<key>, … (tests/mock-api/push.ts)`);
console.log('  Everything is in memory: restarting it ends every session it issued (log in again).');
console.log(`  Homing employee: mobile ${DEMO_EMPLOYEE.mobile}, password ${DEMO_EMPLOYEE.password} (any other mobile logs in by SMS)`);
console.log(
  points
    ? `  --points: each resident gets ${waiting} 邦豆 waiting to be claimed and ${DEMO_POINTS.expiring.points} expiring in ${DEMO_POINTS.expiring.inDays} days when the first code is sent to them; check-in rewards wait to be claimed too. To see 领取, turn 签到后自动领取 off in the options before logging in.`
    : '  Add --points for 邦豆 waiting to be claimed (领取) and about to expire.',
);
console.log('  Ctrl+C to stop');

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void api.close().then(() => process.exit(0));
  });
}
