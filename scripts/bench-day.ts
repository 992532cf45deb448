import './bench-fake-browser';
import { startMockApi, type MockApi, type RecordedRequest } from '../tests/mock-api/server';
import { memoryStore } from '../tests/unit/utils/core/memory-ports';
import { createTimesClient } from '../utils/api/times';
import { addChinaDays } from '../utils/china-time';
import { createEngine } from '../utils/core/engine';
import { DEFAULT_SETTINGS } from '../utils/storage-schema';
import { simulateWorkerDay } from './bench-worker-day';

// Requests per account-day: what one China day costs the service for each logged-in account. The real
// engine (utils/core) with an in-memory store and the REAL Times client against the mock API over
// loopback, woken as the extension's worker is (bench-worker-day.ts), with the default settings
// (08:00 + up to 10 min). Refresh grants and the login itself are counted aside: they depend on when
// the session began, not on the day. Exit 1 when the normal day is over its budget.

const DATE = '2025-03-12';
const PHONES = ['13412341234', '13512345678', '13612345678'];
const BUDGET = { collect: 1, total: 8 };

interface Variant {
  name: string;
  phones: string[];
  /** Sets the mock up for the variant (after reset, before the logins). */
  arrange(api: MockApi): void;
}

const VARIANTS: Variant[] = [
  { name: 'normal day', phones: PHONES, arrange: () => undefined },
  { name: 'bad day: no status endpoint (404)', phones: PHONES, arrange: (api) => void (api.times.statusMissing = true) },
  {
    // One account: the mock's faults are per route, not per account, so "fails twice, then succeeds"
    // only holds for one account's collects.
    name: 'bad day: collect answers an HTML 502 twice, then succeeds',
    phones: PHONES.slice(0, 1),
    arrange: (api) => api.inject({ route: 'times.collect', kind: 'html502', times: 2 }),
  },
];

/** The account (phone) a request is about: `phone`/`memberId` in its query, `memberId` in its JSON body. */
function accountOf(request: RecordedRequest, memberIds: Map<string, string>): string | undefined {
  const query = new URLSearchParams(request.path.split('?')[1] ?? '');
  if (query.get('phone')) return query.get('phone') ?? undefined;
  let memberId = query.get('memberId') ?? undefined;
  if (!memberId && request.body.startsWith('{')) {
    // A 19-digit memberId may be a bare number in JSON: read it as text, never through a double.
    memberId = /"memberId"\s*:\s*"?(\d+)/.exec(request.body)?.[1];
  }
  return memberId ? memberIds.get(memberId) : undefined;
}

interface DayCount {
  /** Per phone, per `METHOD route`: requests that day. */
  perAccount: Map<string, Map<string, number>>;
  refreshes: number;
  unattributed: number;
  wakes: number;
  checkedIn: number;
}

async function simulate(api: MockApi, variant: Variant): Promise<DayCount> {
  api.reset();
  let now = 0;
  const setNow = (ms: number) => void (now = ms);
  api.setNow(() => now);
  variant.arrange(api);
  setNow(Date.parse(`${DATE}T00:00:00+08:00`));

  const memory = memoryStore({ settings: { ...DEFAULT_SETTINGS, timesBaseUrl: api.url } });
  const engine = createEngine({
    store: memory.store,
    notifier: { notify: async () => undefined },
    clock: { now: () => now },
    timesClient: createTimesClient,
  });
  api.times.pointsMode = 'unclaimed'; // the day's 邦豆 wait to be claimed: the claim runs
  for (const phone of variant.phones) {
    api.times.setSignedDays(phone, [1, 2, 3, 4].map((back) => addChinaDays(DATE, -back)));
    api.times.addUnclaimed(phone, 5, '任务奖励');
    api.times.setExpiring(phone, 20, 3);
    await engine.timesSendCode(phone);
    await engine.timesLogin(phone, api.times.lastCode(phone) ?? '');
  }
  const loginRequests = api.requests.length;

  const wakes = await simulateWorkerDay(engine, DATE, setNow);

  const memberIds = new Map(variant.phones.map((phone) => [api.times.memberId(phone), phone]));
  const perAccount = new Map(variant.phones.map((phone) => [phone, new Map<string, number>()]));
  let refreshes = 0;
  let unattributed = 0;
  for (const request of api.requests.slice(loginRequests)) {
    if (request.route === 'times.refresh') {
      refreshes += 1;
      continue;
    }
    const phone = accountOf(request, memberIds);
    const counts = phone === undefined ? undefined : perAccount.get(phone);
    if (!counts) {
      unattributed += 1;
      continue;
    }
    const name = `${request.method} ${request.route}`;
    counts.set(name, (counts.get(name) ?? 0) + 1);
  }
  const checkedIn = variant.phones.filter((phone) => api.times.checkins(phone).some((c) => c.date === DATE && c.accepted)).length;
  return { perAccount, refreshes, unattributed, wakes, checkedIn };
}

const sum = (counts: Map<string, number>, keep: (name: string) => boolean = () => true) =>
  [...counts].reduce((total, [name, n]) => (keep(name) ? total + n : total), 0);
const isPost = (name: string) => name.startsWith('POST ');
const isCollect = (name: string) => name === 'POST times.collect';
const fixed = (n: number) => n.toFixed(2).padStart(8);

function report(variant: Variant, day: DayCount): { total: number; collect: number } {
  const accounts = [...day.perAccount.values()];
  const routes = [...new Set(accounts.flatMap((counts) => [...counts.keys()]))].sort();
  const mean = (pick: (counts: Map<string, number>) => number) => accounts.reduce((t, c) => t + pick(c), 0) / accounts.length;
  const max = (pick: (counts: Map<string, number>) => number) => Math.max(...accounts.map(pick));
  console.log(`\n${variant.name} (${accounts.length} account${accounts.length > 1 ? 's' : ''}, ${DATE}, ${day.wakes} worker wakes):`);
  console.log(`${'request'.padEnd(30)}${'mean'.padStart(8)}${'max'.padStart(8)}   (requests per account-day)`);
  for (const route of routes) console.log(`${route.padEnd(30)}${fixed(mean((c) => c.get(route) ?? 0))}${fixed(max((c) => c.get(route) ?? 0))}`);
  const total = max((c) => sum(c));
  const collect = max((c) => sum(c, isCollect));
  console.log(`${'all requests'.padEnd(30)}${fixed(mean((c) => sum(c)))}${fixed(total)}`);
  console.log(`${'POSTs (collect + claims)'.padEnd(30)}${fixed(mean((c) => sum(c, isPost)))}${fixed(max((c) => sum(c, isPost)))}`);
  console.log(`${'POST collect'.padEnd(30)}${fixed(mean((c) => sum(c, isCollect)))}${fixed(collect)}`);
  console.log(
    `aside: refresh grants ${(day.refreshes / accounts.length).toFixed(2)} per account-day; login not counted. ` +
      `Checked in: ${day.checkedIn}/${accounts.length}.${day.unattributed ? ` Unattributed requests: ${day.unattributed}.` : ''}`,
  );
  return { total, collect };
}

const api = await startMockApi();
const over: string[] = [];
try {
  console.log('\nRequests per account-day: real engine + real Times client against the mock API, default settings (08:00, random delay ≤ 10 min)');
  for (const [index, variant] of VARIANTS.entries()) {
    const day = await simulate(api, variant);
    const { total, collect } = report(variant, day);
    if (index > 0) continue; // the bad days are printed, not budgeted
    console.log(`budget: POST collect ≤ ${BUDGET.collect} (max ${collect}), all requests ≤ ${BUDGET.total} (max ${total}) per account-day: ${collect <= BUDGET.collect && total <= BUDGET.total ? 'PASS' : 'OVER'}`);
    if (collect > BUDGET.collect) over.push(`${collect} collect POSTs per account-day, budget ≤ ${BUDGET.collect}`);
    if (total > BUDGET.total) over.push(`${total} requests per account-day, budget ≤ ${BUDGET.total}`);
    if (day.unattributed > 0 || day.checkedIn < variant.phones.length) over.push(`the normal day did not run as it should (${day.checkedIn} checked in, ${day.unattributed} unattributed)`);
  }
} finally {
  await api.close();
}
if (over.length > 0) {
  console.error(`\n!!! OVER BUDGET (requests per account-day) !!!\n${over.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
