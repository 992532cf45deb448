// @vitest-environment node
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';

// The house's rules (docs/ARCHITECTURE.md, scripts/boundaries.js) must bite: a file that breaks one is
// refused by `npm run lint` (the project's own ESLint config, as `npm run lint` loads it) or by
// `npm run typecheck` (the project's tsconfig). Each fixture is linted as if it stood at its path.

const root = resolve(import.meta.dirname, '../../..');
const eslint = new ESLint({ cwd: root });

async function lintAt(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: resolve(root, path) });
  return result.messages.map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

describe('lint refuses each boundary break', () => {
  it.each<[string, string, string, RegExp]>([
    ['the engine importing WXT', 'utils/core/fixture.ts', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", /no-restricted-imports.*WXT/],
    ['the engine importing #imports', 'utils/core/fixture.ts', "import { browser } from '#imports';\nexport const b = browser;", /no-restricted-imports/],
    ['the engine reaching for the browser global', 'utils/core/fixture.ts', "export const show = () => browser.notifications.create('id', { type: 'basic', title: '', message: '', iconUrl: '' });", /no-restricted-globals.*browser/],
    ['the engine reaching for chrome', 'utils/core/rules/fixture.ts', 'export const id = () => chrome.runtime.id;', /no-restricted-globals.*chrome/],
    ['a view reaching for process', 'utils/views/fixture.ts', 'export const home = () => process.env.HOME;', /no-restricted-globals.*process/],
    ['the engine importing node:*', 'utils/core/fixture.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;", /no-restricted-imports.*node/],
    ['the engine importing a view', 'utils/core/fixture.ts', "import { weekView } from '../views/week-view';\nexport const w = weekView;", /no-restricted-imports.*views/],
    ['the engine importing WXT-only code', 'utils/core/fixture.ts', "import { settingsItem } from '@/utils/extension/storage';\nexport const s = settingsItem;", /no-restricted-imports.*extension/],
    ['a view importing Vue', 'utils/views/fixture.ts', "import { ref } from 'vue';\nexport const r = ref(0);", /no-restricted-imports.*Vue/],
    ['a view importing WXT-only code', 'utils/views/fixture.ts', "import { settingsItem } from '../extension/storage';\nexport const s = settingsItem;", /no-restricted-imports.*extension/],
    ['a leaf importing the engine', 'utils/fixture.ts', "import { createEngine } from './core/engine';\nexport const e = createEngine;", /no-restricted-imports.*below/],
    ['an API client importing a view', 'utils/api/fixture.ts', "import { weekView } from '../views/week-view';\nexport const w = weekView;", /no-restricted-imports.*below/],
    ['the catalogue importing the engine', 'utils/i18n/pages/fixture.ts', "import { createEngine } from '../../core/engine';\nexport const e = createEngine;", /no-restricted-imports.*below/],
    ['shared code importing the worker', 'utils/views/fixture.ts', "import { engine } from '@/entrypoints/background/engine';\nexport const e = engine;", /no-restricted-imports.*home/],
    ['shared code importing the runner', 'utils/core/fixture.ts', "import { run } from '../../runner/run';\nexport const r = run;", /no-restricted-imports.*home/],
    ['WXT-only code importing a store', 'utils/extension/fixture.ts', "import { useAccounts } from '@/stores/accounts';\nexport const a = useAccounts;", /no-restricted-imports.*components and stores/],
    ['a store importing an entrypoint', 'stores/fixture.ts', "import { engine } from '@/entrypoints/background/engine';\nexport const e = engine;", /no-restricted-imports.*home/],
    ['a component importing the runner', 'components/fixture.ts', "import { run } from '@/runner/run';\nexport const r = run;", /no-restricted-imports.*home/],
    ['the runner importing WXT-only code', 'runner/fixture.ts', "import { settingsItem } from '@/utils/extension/storage';\nexport const s = settingsItem;", /no-restricted-imports.*runner must not/],
    ['the runner importing WXT', 'runner/fixture.ts', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;", /no-restricted-imports.*WXT/],
    ['the worker importing Vue', 'entrypoints/background/fixture.ts', "import { ref } from 'vue';\nexport const r = ref(0);", /no-restricted-imports.*Vue/],
  ])('%s', async (_name, path, code, refusal) => {
    const messages = await lintAt(path, code);
    expect(messages.some((m) => refusal.test(m)), messages.join('\n')).toBe(true);
  });

  it.each<[string, string, string]>([
    ['WXT in utils/extension/', 'utils/extension/fixture.ts', "import { storage } from 'wxt/utils/storage';\nexport const s = storage;"],
    ['the engine using an API client, a rule and a leaf', 'utils/core/fixture.ts', "import { createTimesClient } from '../api/times';\nimport { nextCheckinAt } from './rules/checkin-schedule';\nimport { chinaDate } from '../china-time';\nexport const all = [createTimesClient, nextCheckinAt, chinaDate];"],
    ['a view using the engine', 'utils/views/fixture.ts', "import { checkinVerdict } from '../core/rules/checkin-verdict';\nexport const v = checkinVerdict;"],
    ['the catalogue loading its own core words', 'utils/i18n/fixture.ts', "import { core } from './core/zh-CN';\nexport const c = core;"],
    ['the runner using Node and the engine', 'runner/fixture.ts', "import { readFileSync } from 'node:fs';\nimport { createEngine } from '@/utils/core/engine';\nexport const r = [readFileSync, createEngine, process.argv];"],
  ])('lets %s through', async (_name, path, code) => {
    expect(await lintAt(path, code)).toEqual([]);
  });
});

describe('typecheck refuses what lint cannot see', () => {
  // One program for all the fixtures: a type check of the project's types takes seconds.
  const fixtures = {
    unimported: ['utils/core/fixture-unimported.ts', 'export const today = chinaDate(Date.now());'],
    wxtName: ['utils/core/fixture-wxt.ts', "export const item = storage.defineItem('local:x');"],
    imported: ['utils/core/fixture-imported.ts', "import { chinaDate } from '../china-time';\nexport const today = chinaDate(Date.now());"],
  } as const;
  let errors: Record<keyof typeof fixtures, string[]>;

  beforeAll(() => {
    const config = ts.getParsedCommandLineOfConfigFile(resolve(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
    const files = new Map(Object.values(fixtures).map(([path, code]) => [resolve(root, path), code as string]));
    const host = ts.createCompilerHost(config!.options);
    const read = host.readFile.bind(host);
    host.readFile = (name) => files.get(resolve(name)) ?? read(name);
    const exists = host.fileExists.bind(host);
    host.fileExists = (name) => files.has(resolve(name)) || exists(name);
    const program = ts.createProgram([resolve(root, '.wxt/wxt.d.ts'), ...files.keys()], { ...config!.options, noEmit: true }, host);
    const of = (path: string) =>
      ts.getPreEmitDiagnostics(program, program.getSourceFile(resolve(root, path))).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    errors = { unimported: of(fixtures.unimported[0]), wxtName: of(fixtures.wxtName[0]), imported: of(fixtures.imported[0]) };
  }, 120_000);

  it('refuses a helper used without its import (no auto-imports: wxt.config.ts imports false)', () => {
    expect(errors.unimported).toEqual([expect.stringMatching(/Cannot find name 'chinaDate'/)]);
  });

  it('refuses a WXT name used without its import', () => {
    expect(errors.wxtName).toEqual([expect.stringMatching(/Cannot find name 'storage'/)]);
  });

  it('accepts the same helper imported', () => {
    expect(errors.imported).toEqual([]);
  });
});
