import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { accountsItem, checkinsItem, diagnosticsItem, notifiedItem, secretsItem, settingsItem, parseSettings, readAccounts, readCheckins, readDiagnostics, readSecrets, readSettings, updateCheckins } from '@/utils/extension/storage';
import { accountSchema, dayRecordSchema, DEFAULT_SETTINGS, secretSchema, settingsSchema } from '@/utils/storage-schema';

// A frozen example of everything stored, per schema version. When a version is added, keep this one,
// add the next, and test that the migration turns each into the next and the latest validates.
const V1 = {
  settings: { timesBaseUrl: 'https://m-center-prod-linli.timesgroup.cn', homingBaseUrl: '', checkinTime: '08:00', randomDelayMinutes: 10, notifications: true },
  accounts: [
    { provider: 'times', key: 'times:13412341234', phone: '13412341234', memberId: '1867395312345678901', server: 'https://m-center-prod-linli.timesgroup.cn', points: 120, session: 'active', addedAt: 1763856000000 },
    { provider: 'homing', key: 'homing:13800138000', mobile: '13800138000', userCode: 'E1001', server: 'https://homing.example.com', via: 'password', expiresAt: 1763863200000, session: 'active', addedAt: 1763856000000 },
  ],
  secrets: {
    'times:13412341234': { provider: 'times', baseUrl: 'https://m-center-prod-linli.timesgroup.cn', token: 'a.b.c', refreshToken: 'd.e.f', tokenHead: 'Bearer ', obtainedAt: 1763856000000, expiresAt: 1763884800000 },
    'homing:13800138000': { provider: 'homing', baseUrl: 'https://homing.example.com', token: 'opaque' },
  },
  checkins: { 'times:13412341234': { date: '2026-11-23', state: 'done', attempts: 1, at: 1763856600000 } },
};

// The diagnostics log (issue 13), version 1: per account's masked name, each string once and one
// tuple per exchange [time s, request, status, code, message, shape, ms, reading] (strings by index).
const DIAGNOSTICS_V1 = {
  'times 134****1234': {
    strings: ['GET /times/member-bff/task/api-c/v1/sign/task/list', '200', 'success', '{code:number,data:{sign:boolean},message:string}', 'ok', 'POST /times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect', 'timeout'],
    exchanges: [
      [1763856012, 0, 200, 1, 2, 3, 312, 4],
      [1763856013, 5, 0, -1, -1, -1, 15000, 6],
    ],
  },
};

// Version 2 of settings: autoClaim (issue 6), default on. Other items are still version 1; their new
// fields (nickname, activeSince, posted, …) are optional, so every v1 value is a valid current value.
const V2 = { settings: { ...V1.settings, autoClaim: true } };
// Version 3 of settings: language and theme (issue 7), both following the browser and the system.
const V3 = { settings: { ...V2.settings, language: 'auto', theme: 'auto' } };

describe('stored data, version 1', () => {
  it('migrates v1 settings to v3: claims on, language and theme following the browser and the system', async () => {
    await fakeBrowser.storage.local.set({ settings: V1.settings, settings$: { v: 1 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual(V3.settings);
    expect(await settingsItem.getMeta()).toMatchObject({ v: 3 });
  });

  it('migrates v2 settings to v3, keeping every v2 choice', async () => {
    const chosen = { ...V2.settings, checkinTime: '07:30', autoClaim: false, notifications: false };
    await fakeBrowser.storage.local.set({ settings: chosen, settings$: { v: 2 } });
    await settingsItem.migrate();
    expect(await settingsItem.getValue()).toEqual({ ...chosen, language: 'auto', theme: 'auto' });
    expect(await settingsItem.getMeta()).toMatchObject({ v: 3 });
  });

  it('validates the frozen examples with the current schemas (settings from v3 on)', () => {
    expect(settingsSchema.safeParse(V1.settings).success).toBe(false);
    expect(settingsSchema.safeParse(V2.settings).success).toBe(false);
    expect(settingsSchema.safeParse(V3.settings).success).toBe(true);
    expect(V1.accounts.every((a) => accountSchema.safeParse(a).success)).toBe(true);
    expect(Object.values(V1.secrets).every((s) => secretSchema.safeParse(s).success)).toBe(true);
    expect(Object.values(V1.checkins).every((r) => dayRecordSchema.safeParse(r).success)).toBe(true);
  });

  it('reads the v1 example back unchanged, settings with the v2 and v3 defaults added', async () => {
    await fakeBrowser.storage.local.set({ settings: V1.settings, accounts: V1.accounts, secrets: V1.secrets, checkins: V1.checkins });
    expect(await readSettings()).toEqual(V3.settings);
    expect(await readAccounts()).toEqual(V1.accounts);
    expect(await readSecrets()).toEqual(V1.secrets);
    expect(await readCheckins()).toEqual(V1.checkins);
  });

  it('defines every stored item in storage.local: nothing syncs', () => {
    for (const item of [settingsItem, accountsItem, secretsItem, checkinsItem, notifiedItem, diagnosticsItem]) expect(item.key).toMatch(/^local:/);
  });

  it('reads the v1 diagnostics log back unchanged, a damaged log left out', async () => {
    await fakeBrowser.storage.local.set({ diagnostics: { ...DIAGNOSTICS_V1, 'times 135****1235': { strings: 'junk' } } });
    expect(await readDiagnostics()).toEqual(DIAGNOSTICS_V1);
  });

  it('leaves a damaged entry out instead of failing the whole list', async () => {
    await fakeBrowser.storage.local.set({ accounts: [V1.accounts[0], { provider: 'times', key: 42 }, 'junk'] });
    expect(await readAccounts()).toEqual([V1.accounts[0]]);
  });

  it('falls back field by field for damaged settings', () => {
    expect(parseSettings({ ...V3.settings, checkinTime: '25:99', randomDelayMinutes: -3, theme: 'purple' })).toEqual({
      ...V3.settings,
      checkinTime: DEFAULT_SETTINGS.checkinTime,
      randomDelayMinutes: DEFAULT_SETTINGS.randomDelayMinutes,
    });
    expect(parseSettings('nonsense')).toEqual(DEFAULT_SETTINGS);
  });

  it('reads a day record of either shape: an error as words (a string, before issue 7) or as a key and values', () => {
    const day = V1.checkins['times:13412341234'];
    expect(dayRecordSchema.safeParse({ ...day, state: 'failed', error: '服务器暂时不可用 (HTTP 502)' }).success).toBe(true);
    expect(dayRecordSchema.safeParse({ ...day, state: 'failed', error: { key: 'error.unavailable', params: { status: 502 } } }).success).toBe(true);
    expect(dayRecordSchema.safeParse({ ...day, state: 'failed', error: { params: {} } }).success).toBe(false);
  });

  it('serialises concurrent updates of one item so none is lost', async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        updateCheckins((records) => ({ ...records, [`times:${i}`]: { date: '2026-11-23', state: 'done', attempts: 1, at: i } })),
      ),
    );
    expect(Object.keys(await readCheckins())).toHaveLength(20);
  });
});
