import type { MockEvent } from './events';
import type { MockApi } from './server';

// What the mock holds when a person runs it to try the extension by hand (cli.ts: `npm run mock-api`,
// `npm start -- --mock`), so that every part of the popup can be seen without the real services:
// a Homing employee with a known password (printed in the banner), and with `--points`, 邦豆 waiting
// to be claimed and 邦豆 about to expire. Tests start the mock bare and set up what they need.

/** The Homing employee the hand-run mock knows: password login and its reset can be tried at once. */
export const DEMO_EMPLOYEE = { mobile: '13800138000', password: 'Linli2026' } as const;

/** What `--points` gives each resident when the first code is sent to their phone. */
export const DEMO_POINTS = {
  /** 邦豆 waiting to be claimed (领取): two records. */
  waiting: [
    { points: 20, name: '邀请好友奖励' },
    { points: 15, name: '社区活动奖励' },
  ],
  /** 邦豆 expiring within the popup's 7 days (the expiry line and its weekly notice). */
  expiring: { points: 30, inDays: 3 },
} as const;

/**
 * The hand-run mock's set-up: `start(api)` adds the employee (and with `points` leaves every check-in's
 * reward waiting to be claimed, as the member centre does); `onEvent` answers the mock's events: with
 * `points`, a resident gets waiting and expiring 邦豆 when the first Times code is sent to them.
 */
export function demoSetup(options: { points: boolean }) {
  const seeded = new Set<string>();
  let api: MockApi | undefined;
  return {
    start(started: MockApi): void {
      api = started;
      api.homing.addUser(DEMO_EMPLOYEE.mobile, DEMO_EMPLOYEE.password);
      if (options.points) api.times.pointsMode = 'unclaimed';
    },
    onEvent(event: MockEvent): void {
      if (!api || !options.points || event.type !== 'sms' || event.service !== 'times' || seeded.has(event.phone)) return;
      seeded.add(event.phone);
      for (const { points, name } of DEMO_POINTS.waiting) api.times.addUnclaimed(event.phone, points, name);
      api.times.setExpiring(event.phone, DEMO_POINTS.expiring.points, DEMO_POINTS.expiring.inDays);
    },
  };
}
