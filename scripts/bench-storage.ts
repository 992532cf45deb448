import './bench-fake-browser';
import { performance } from 'node:perf_hooks';
import { memberIdOf, memoryPorts } from '../tests/unit/utils/core/memory-ports';
import { addChinaDays, chinaMoment } from '../utils/china-time';
import { createEngine } from '../utils/core/engine';
import { DEFAULT_SETTINGS } from '../utils/storage-schema';

// Storage after a year: 5 accounts checked in for 365 China days by the real engine over in-memory
// ports and the scripted Times service of the unit tests (no HTTP: fast), with the default settings.
// One run a day at 08:30 (past 08:00 + the random delay): waking at every refresh as well
// (bench-worker-day.ts) writes the same items and took 8x longer (18 s). Prints the JSON size of each stored item as
// chrome.storage.local keeps it (JSON, counted in UTF-8 bytes) and exits 1 when the history is over
// its budget (issue 6: 5 accounts x 365 days < 100 KB).

const DAYS = 365;
const FIRST_DAY = '2025-01-01';
const PHONES = ['13412341234', '13512345678', '13612345678', '13712345678', '13812345678'];
const HISTORY_BUDGET = 100 * 1024;

const started = performance.now();
const { ports, clock, memory, times } = memoryPorts(Date.parse(`${FIRST_DAY}T00:00:00+08:00`), PHONES);
memory.state.settings = { ...DEFAULT_SETTINGS };
const engine = createEngine(ports);
for (let day = 0; day < DAYS; day += 1) {
  const date = addChinaDays(FIRST_DAY, day);
  for (const phone of PHONES) {
    // Every day something to claim and some points expiring: the member info and the weekly
    // expiring notices are as large as they get.
    times.unclaimed.set(memberIdOf(phone), 10);
    times.expiring.set(memberIdOf(phone), 20);
    times.balance.set(phone, 1000 + day * 12);
  }
  clock.t = chinaMoment(date, '08:30');
  await engine.runDue(clock.t);
}
const elapsed = performance.now() - started;

const { state } = memory;
const items = { history: state.history, member: state.member, checkins: state.checkins, accounts: state.accounts, secrets: state.secrets, notified: state.notified };
const bytes = Object.fromEntries(Object.entries(items).map(([name, value]) => [name, Buffer.byteLength(JSON.stringify(value), 'utf8')]));
const total = Object.values(bytes).reduce((a, b) => a + b, 0);
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;

const days = Object.values(state.history).map((tuples) => tuples.length);
const states = Object.values(state.history)
  .flat()
  .reduce<Record<string, number>>((count, [, s]) => ({ ...count, [s]: (count[s] ?? 0) + 1 }), {});
console.log(
  `\nStorage after ${DAYS} China days x ${PHONES.length} accounts (engine + in-memory ports, scripted service, ` +
    `a run at 08:30 each day; simulated in ${(elapsed / 1000).toFixed(1)} s):`,
);
console.log(`history days per account: ${days.join(', ')}; states: ${Object.entries(states).map(([s, n]) => `${s} ${n}`).join(', ')}`);
console.log(`${'item'.padEnd(10)}${'bytes'.padStart(10)}${'size'.padStart(11)}${'budget'.padStart(12)}  result  (JSON.stringify, UTF-8 bytes, KB = 1024 bytes)`);
for (const [name, size] of Object.entries(bytes)) {
  const budgeted = name === 'history';
  const verdict = budgeted ? (size < HISTORY_BUDGET ? 'PASS' : 'OVER') : '-';
  console.log(`${name.padEnd(10)}${String(size).padStart(10)}${kb(size).padStart(11)}${(budgeted ? `< ${kb(HISTORY_BUDGET)}` : 'none').padStart(12)}  ${verdict}`);
}
console.log(`${'total'.padEnd(10)}${String(total).padStart(10)}${kb(total).padStart(11)}`);

if (bytes.history >= HISTORY_BUDGET) {
  console.error(`\n!!! OVER BUDGET (storage) !!!\n  - history is ${kb(bytes.history)} after ${DAYS} days x ${PHONES.length} accounts, budget < ${kb(HISTORY_BUDGET)}`);
  process.exit(1);
}
if (days.some((n) => n !== DAYS)) {
  console.error(`\nThe simulation did not log every day (${days.join(', ')} of ${DAYS}): the figures above are not a year's.`);
  process.exit(1);
}
