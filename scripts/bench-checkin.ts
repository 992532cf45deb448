import { performance } from 'node:perf_hooks';
import { startMockApi } from '../tests/mock-api/server';
import { bearer, createTimesClient } from '../utils/api/times';

// The check-in round trip as the extension makes it: its own Times client (utils/api/times.ts, the
// real ofetch + zod + lossless-JSON path) against the mock server over loopback HTTP. Run by
// `npm run bench` through vite-node, because both sides are TypeScript. It prints numbers only; it
// asserts nothing. Loopback timings measure our client and parsing overhead, not the real network.

const RUNS = 200;
const WARMUP = 20; // first calls pay for JIT and connection set-up; not what a daily check-in sees
const PHONE = '13412341234';
const DAY_MS = 24 * 3600 * 1000;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function row(name: string, samples: number[]): string {
  const sorted = [...samples].sort((a, b) => a - b);
  const cell = (ms: number) => ms.toFixed(2).padStart(8);
  return `${name.padEnd(26)}${cell(percentile(sorted, 50))}${cell(percentile(sorted, 95))}${cell(sorted.at(-1) ?? 0)}`;
}

const api = await startMockApi();
try {
  // Every collect runs on a new China day (the mock allows one check-in a day), so the mock clock
  // moves a day per call; the access token must outlive those ~220 simulated days.
  let clock = Date.parse('2025-01-01T08:00:00+08:00');
  api.setNow(() => clock);
  api.times.accessTtlSeconds = 400 * 24 * 3600;
  api.times.refreshTtlSeconds = 400 * 24 * 3600;

  const client = createTimesClient(api.url);
  await client.sendCode(PHONE);
  const grant = await client.loginBySmsCode(PHONE, api.times.lastCode(PHONE) ?? '');
  const authorization = bearer(grant.token, grant.tokenHead);
  const { memberId } = await client.memberDetail(authorization, PHONE);

  const collect: number[] = [];
  const detail: number[] = [];
  const both: number[] = [];
  let checkedIn = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    clock += DAY_MS;
    const start = performance.now();
    const accepted = await client.collect(authorization, memberId, clock);
    const middle = performance.now();
    await client.memberDetail(authorization, PHONE);
    const end = performance.now();
    if (i < WARMUP) continue;
    if (accepted) checkedIn += 1;
    collect.push(middle - start);
    detail.push(end - middle);
    both.push(end - start);
  }

  console.log(`\nCheck-in round trip against the mock API (${api.url}), ${RUNS} runs after ${WARMUP} warm-up, ms:`);
  console.log(`${''.padEnd(26)}${'median'.padStart(8)}${'p95'.padStart(8)}${'max'.padStart(8)}`);
  console.log(row('collect', collect));
  console.log(row('memberDetail', detail));
  console.log(row('collect + memberDetail', both));
  console.log(`check-ins accepted: ${checkedIn}/${RUNS} (one per simulated China day); points now ${api.times.points(PHONE)}`);
} finally {
  await api.close();
}
