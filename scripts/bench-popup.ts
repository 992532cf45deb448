import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { EXTENSION_DIR, findChromium } from '../tests/e2e/harness/browser';
import { BARE_KEY, BARE_LINE_TESTID, buildBarePage } from './bench-bare-page';
import { popupStorage } from './bench-popup-seed';
import { describeRatios, quantile, summarizeRatios } from './bench-stats';

// The popup's load time in headless Chromium: from navigation start until the data is shown, i.e.
// every `account-item` is there with its `points` filled (the e2e build in .output/chrome-mv3-e2e,
// which runs the production JS; bench.mjs checks that), against a bare WXT + Vue + Pinia page as the
// yardstick (bench-bare-page.ts). Budgets: the popup with 1 account within 1.3x the bare page, and
// with 20 accounts within 1.5x the time of 1. Exit 1 when a gating one is over.
//
// Each popup load is paired with a load of the bare page right before or after it (bench-stats.ts):
// the ratio per pair cancels what the machine's other work does to both, and the trimmed mean of the
// ratios gates. 20 vs 1 account is measured the same way, each against the bare page, and their
// ratio is the ratio of those two figures: storage is seeded once per phase, never between loads.

// The extension API inside worker.evaluate/page.evaluate callbacks (they run in the extension's realm).
declare const chrome: { storage: { local: { clear(): Promise<void>; set(items: Record<string, unknown>): Promise<void> } } };

/** Pairs loaded and thrown away first (Chromium's caches, the worker's start). */
const WARMUP = 4;
/** Pairs timed with 1 account (the budget against the bare page), then with 20. */
const PAIRS = { one: 40, twenty: 24 };
const BUDGET = { manyOverOne: 1.5, popupOverBare: 1.3 };
/**
 * The popup-vs-bare figure is steady enough to gate (its two halves agree within a few hundredths on
 * a quiet machine), but the popup does not meet its budget yet (1.3x to 1.4x measured): it is printed
 * and called out, and gates once met (issue 11).
 */
const GATES_POPUP_OVER_BARE = false;

// Runs in each page from its first script on: notes (performance.now(), so relative to the page's
// navigation start) the first moment the data is in the DOM. A MutationObserver sees that moment
// exactly; a poll started from Node after page.goto() would only see it after the load event.
function watchForData(testids: { item: string; points: string; bare: string }) {
  const shown: { items: Record<number, number>; bare?: number } = { items: {} };
  (window as unknown as { benchShown: typeof shown }).benchShown = shown;
  const check = () => {
    const items = [...document.querySelectorAll(`[data-testid="${testids.item}"]`)];
    const filled = items.every((item) => /\d/.test(item.querySelector(`[data-testid="${testids.points}"]`)?.textContent ?? ''));
    if (items.length > 0 && filled) shown.items[items.length] ??= performance.now();
    if (document.querySelector(`[data-testid="${testids.bare}"]`)?.textContent) shown.bare ??= performance.now();
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

/** The id Chromium gives an unpacked extension: SHA-256 of its absolute path, 32 hex digits written a–p. */
function unpackedId(dir: string): string {
  const hex = createHash('sha256').update(realpathSync(dir)).digest('hex').slice(0, 32);
  return [...hex].map((digit) => String.fromCharCode(97 + parseInt(digit, 16))).join('');
}

/** What a load waits for: `count` account items with their points, or the bare page's line. */
type Target = { url: string; count: number } | { url: string; bare: true };

/** One load in a fresh tab: ms from navigation start to data shown. */
async function loadOnce(context: BrowserContext, target: Target): Promise<number> {
  const page = await context.newPage();
  try {
    await page.goto(target.url, { waitUntil: 'commit' });
    // Extension pages forbid eval, so the condition travels as data, not as code.
    const handle = await page.waitForFunction(
      (wanted) => {
        const notes = (window as unknown as { benchShown?: { items: Record<number, number>; bare?: number } }).benchShown;
        return ('bare' in wanted ? notes?.bare : notes?.items[wanted.count]) ?? false;
      },
      target,
      { polling: 'raf', timeout: 15_000 },
    );
    return (await handle.jsonValue()) as number;
  } finally {
    await page.close();
  }
}

/**
 * WARMUP + `pairs` pairs of loads, the popup's and the bare page's, the popup first in every other
 * pair. Resolves to the times of each side (ms, in the order measured).
 */
async function measurePairs(context: BrowserContext, popup: Target, bare: Target, pairs: number): Promise<{ popup: number[]; bare: number[] }> {
  const times = { popup: [] as number[], bare: [] as number[] };
  for (let round = 0; round < WARMUP + pairs; round += 1) {
    const popupFirst = round % 2 === 0;
    const first = await loadOnce(context, popupFirst ? popup : bare);
    const second = await loadOnce(context, popupFirst ? bare : popup);
    if (round < WARMUP) continue;
    times.popup.push(popupFirst ? first : second);
    times.bare.push(popupFirst ? second : first);
  }
  return times;
}

const ratiosOf = (times: { popup: number[]; bare: number[] }) => times.popup.map((ms, index) => ms / times.bare[index]);

if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No e2e build at ${EXTENSION_DIR} (npm run build:e2e)`);
const bareDir = buildBarePage();
const dirs = [EXTENSION_DIR, bareDir].join(',');
const userDataDir = mkdtempSync(join(tmpdir(), 'linli-bench-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath: findChromium(),
  headless: true,
  ignoreDefaultArgs: ['--disable-extensions'],
  args: ['--no-sandbox', `--disable-extensions-except=${dirs}`, `--load-extension=${dirs}`, '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-gpu'],
});
const over: string[] = [];
try {
  await context.addInitScript(watchForData, { item: 'account-item', points: 'points', bare: BARE_LINE_TESTID });
  const isOurs = (url: string) => url.startsWith(`chrome-extension://${unpackedId(EXTENSION_DIR)}/`);
  const worker = context.serviceWorkers().find((w) => isOurs(w.url())) ?? (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()) }));
  const popupUrl = `chrome-extension://${unpackedId(EXTENSION_DIR)}/popup.html`;
  const bareUrl = `chrome-extension://${unpackedId(bareDir)}/popup.html`;

  // Storage is seeded through our worker (as tests/e2e/harness/storage.ts reads it) and through a
  // page of the bare extension, each in its own extension's storage.
  const seedPopup = (count: number) =>
    worker.evaluate(async (items) => {
      await chrome.storage.local.clear();
      await chrome.storage.local.set(items);
    }, popupStorage(count, Date.now()));
  const barePage = await context.newPage();
  await barePage.goto(bareUrl);
  await barePage.evaluate((key) => chrome.storage.local.set({ [key]: '时代邻里 · 今日已签到' }), BARE_KEY);
  // This tab stays open: it keeps the bare extension's renderer process alive between loads, as our
  // worker keeps ours; without it each bare load would pay for starting a process and lose ~25 ms.

  const started = Date.now();
  await seedPopup(1);
  const one = await measurePairs(context, { url: popupUrl, count: 1 }, { url: bareUrl, bare: true }, PAIRS.one);
  await seedPopup(20);
  const twenty = await measurePairs(context, { url: popupUrl, count: 20 }, { url: bareUrl, bare: true }, PAIRS.twenty);
  const seconds = (Date.now() - started) / 1000;

  const ms = (n: number) => `${n.toFixed(1)} ms`.padStart(10);
  console.log(
    `\nPopup load to data shown, headless Chromium (fresh tab, from navigation start; ${WARMUP} warm-up pairs, then ` +
      `${PAIRS.one} pairs with 1 account and ${PAIRS.twenty} with 20, each popup load paired with one of the bare page; ${seconds.toFixed(0)} s):`,
  );
  console.log(`${'page'.padEnd(34)}${'median'.padStart(10)}${'p90'.padStart(10)}`);
  const rows = [
    ['popup, 1 account', one.popup],
    ['popup, 20 accounts', twenty.popup],
    ['bare WXT + Vue + Pinia page', [...one.bare, ...twenty.bare]],
  ] as const;
  for (const [name, list] of rows) console.log(`${name.padEnd(34)}${ms(quantile(list, 0.5))}${ms(quantile(list, 0.9))}`);

  const oneOverBare = summarizeRatios(ratiosOf(one));
  const twentyOverBare = summarizeRatios(ratiosOf(twenty));
  console.log(`popup (20 accounts) / bare page: ${describeRatios(twentyOverBare)}`);
  // 20 vs 1 through the yardstick: each was timed against the bare page loaded next to it.
  const x = (value: number) => `${value.toFixed(2)}x`;
  const twentyOverOne = twentyOverBare.ratio / oneOverBare.ratio;
  const halves = [0, 1].map((half) => twentyOverBare.halves[half] / oneOverBare.halves[half]);
  const budgets = [
    { name: 'popup (1 account) / bare page', value: oneOverBare.ratio, line: describeRatios(oneOverBare), budget: BUDGET.popupOverBare, gates: GATES_POPUP_OVER_BARE },
    { name: '20 accounts / 1 account', value: twentyOverOne, line: `${x(twentyOverOne)} (the two ratios to the bare page divided; halves ${halves.map(x).join(' / ')})`, budget: BUDGET.manyOverOne, gates: true },
  ];
  for (const { name, value, line, budget, gates } of budgets) {
    const verdict = value <= budget ? 'PASS' : gates ? 'OVER' : 'OVER (reported, not gating)';
    console.log(`${name}: ${line}   budget <= ${budget}x  ${verdict}`);
    if (value > budget && gates) over.push(`${name}: ${x(value)}, budget <= ${budget}x`);
    if (value > budget && !gates) console.log(`  !!! ${name} is over its budget: ${x(value)} > ${budget}x (not met yet; see the README)`);
  }
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
if (over.length > 0) {
  console.error(`\n!!! OVER BUDGET (popup load) !!!\n${over.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}
