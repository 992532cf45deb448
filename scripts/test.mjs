import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join, resolve } from 'node:path';
import { ensureBrowser } from './find-browser.mjs';

// `npm test`: the whole suite, unit, runner and real-browser e2e, the same way on a laptop and in CI.
//   npm test                      unit tests, the runner's bundle and its tests, then the e2e build,
//                                 then the e2e tests in Chromium
//   npm test -- -t 'refreshes'    extra arguments go to both vitest runs
// The browser tests are never skipped: without a browser this fails and says what to install. It stops
// at the first failing step with that step's exit code, and ends with one plain line
// `N passed, M failed` (both runs together) that CI reads.

const root = resolve(import.meta.dirname, '..');
const extra = process.argv.slice(2);
if (extra[0] === '--') extra.shift(); // `node scripts/test.mjs -- …` as well as `npm test -- …`

// Run from the project's own binaries whether we were started by npm or by `node scripts/test.mjs`.
const env = { ...process.env, PATH: [join(root, 'node_modules/.bin'), process.env.PATH].join(delimiter) };

let browser;
try {
  browser = ensureBrowser();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
console.log(`Browser for the e2e tests: ${browser}`);

const reportDir = mkdtempSync(join(tmpdir(), 'linli-test-'));
const runs = [];

function step(title, command, args, stepEnv = env) {
  console.log(`\n▶ ${title}: ${command} ${args.join(' ')}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env: stepEnv, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  const status = result.error ? 1 : (result.status ?? 1);
  if (result.error) console.error(`  could not start ${command}: ${result.error.message}`);
  console.log(`◀ ${title}: ${status === 0 ? 'ok' : `exit ${status}`} in ${seconds}s`);
  return { code: status, seconds };
}

/** Counts from vitest's JSON report; undefined when vitest died before writing one. */
function readReport(file) {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  // A file that throws on import (say, a missing libfaketime) fails with zero failed tests in it:
  // count it as a failure, or the summary would read "0 failed" next to a red run.
  const brokenFiles = report.testResults.filter(
    (file) => file.status === 'failed' && !file.assertionResults.some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + brokenFiles,
    brokenFiles,
    skipped: report.numPendingTests + report.numTodoTests,
    total: report.numTotalTests,
    files: report.testResults.length,
  };
}

function vitest(project, stepEnv) {
  const reportFile = join(reportDir, `${project}.json`);
  // A filter given after `--` may match no file of one of the projects; that is not a failure then.
  const filtered = extra.length > 0 ? ['--passWithNoTests'] : [];
  const args = ['run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile.json=${reportFile}`, ...filtered, ...extra];
  const { code, seconds } = step(`${project} tests`, 'vitest', args, stepEnv);
  runs.push({ project, code, seconds, counts: readReport(reportFile) });
  return code;
}

function finish(code, reason) {
  rmSync(reportDir, { recursive: true, force: true });
  const sum = (key) => runs.reduce((total, run) => total + (run.counts?.[key] ?? 0), 0);
  console.log('');
  for (const run of runs) {
    const c = run.counts;
    const detail = !c
      ? `no report (vitest exited ${run.code} before writing one)`
      : c.files === 0
        ? `no test files found (vitest exit ${run.code})`
        : `${c.passed} passed, ${c.failed} failed${c.brokenFiles ? ` (${c.brokenFiles} file(s) failed to load)` : ''}, ${c.skipped} skipped, of ${c.total}`;
    console.log(`${run.project}: ${detail} in ${run.seconds}s`);
  }
  if (reason) console.log(reason);
  const failed = sum('failed');
  const skipped = sum('skipped');
  // A red run with no failed test (an unhandled error, a crash, a failed build) must not read as green.
  const red = code !== 0 && failed === 0 ? `, but exit ${code}` : '';
  console.log(`${sum('passed')} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}${red}`);
  process.exit(code);
}

let code = vitest('unit');
if (code !== 0) finish(code, 'Stopped after the unit tests failed: the e2e tests did not run.');

// The runner's tests drive the built runner (.output/runner/linli-checkin.mjs) as a subprocess.
code = step('runner build', 'node', ['scripts/build-runner.mjs']).code;
if (code !== 0) finish(code, 'Stopped: the runner build failed, so its tests and the e2e tests did not run.');
code = vitest('runner');
if (code !== 0) finish(code, 'Stopped after the runner tests failed: the e2e tests did not run.');

code = step('e2e build', 'wxt', ['build', '--mode', 'e2e']).code;
if (code !== 0) finish(code, 'Stopped: the e2e build failed, so the e2e tests did not run.');

code = vitest('e2e', { ...env, CHROME_PATH: browser });
finish(code);
