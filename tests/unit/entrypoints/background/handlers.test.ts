// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleCommand } from '@/entrypoints/background/handlers';
import { readAccounts, readCheckins, readHistory, readMember, readSecrets, updateCheckins } from '@/utils/extension/storage';
import { useMockApi } from '../../support';

const api = useMockApi();
const phone = '13412341234';

describe('the worker\'s message handler', () => {
  it.each([
    ['not an object', 'hello'],
    ['an unknown type', { type: 'times.dropTables' }],
    ['a missing field', { type: 'times.login', phone }],
    ['a wrong field type', { type: 'checkin.run', key: 42 }],
  ])('refuses %s', async (_name, message) => {
    expect(await handleCommand(message)).toEqual({ ok: false, error: { key: 'error.badRequest' } });
  });

  it('checks input again and sends nothing for a bad phone', async () => {
    expect(await handleCommand({ type: 'times.sendCode', phone: '12345' })).toEqual({ ok: false, error: { key: 'validation.phone' } });
    expect(api().requests).toHaveLength(0);
  });

  it('logs in, lists the account and removes it with its secrets', async () => {
    await handleCommand({ type: 'times.sendCode', phone });
    const login = await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    expect(login).toEqual({ ok: true, data: { key: `times:${phone}` } });
    expect(await readAccounts()).toMatchObject([{ key: `times:${phone}`, memberId: api().times.memberId(phone), session: 'active' }]);
    expect(await handleCommand({ type: 'checkin.run', key: `times:${phone}` })).toEqual({ ok: true, data: { state: 'done' } });
    expect(await handleCommand({ type: 'account.remove', key: `times:${phone}` })).toEqual({ ok: true, data: { removed: true } });
    expect(await readAccounts()).toEqual([]);
    expect(await readSecrets()).toEqual({});
    expect(await readCheckins()).toEqual({});
    expect(await readMember()).toEqual({});
    expect(await readHistory()).toEqual({});
  });

  it('names an account, clears the name, and refuses a name over 20 characters', async () => {
    await handleCommand({ type: 'times.sendCode', phone });
    await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    const key = `times:${phone}`;
    expect(await handleCommand({ type: 'account.rename', key, nickname: '  妈妈  ' })).toEqual({ ok: true, data: { renamed: true } });
    expect((await readAccounts())[0]).toMatchObject({ nickname: '妈妈' });
    expect(await handleCommand({ type: 'account.rename', key, nickname: '' })).toEqual({ ok: true, data: { renamed: true } });
    expect((await readAccounts())[0]).not.toHaveProperty('nickname');
    expect(await handleCommand({ type: 'account.rename', key, nickname: '长'.repeat(21) })).toEqual({ ok: false, error: { key: 'error.badRequest' } });
    expect(await handleCommand({ type: 'account.rename', key: 'times:13800000000', nickname: '爸爸' })).toEqual({ ok: false, error: { key: 'error.accountMissing' } });
  });

  it('claims waiting 邦豆 from the popup\'s button', async () => {
    api().times.addUnclaimed(phone, 25);
    await handleCommand({ type: 'times.sendCode', phone });
    await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    expect(await handleCommand({ type: 'points.claim', key: `times:${phone}` })).toEqual({ ok: true, data: { claimed: 25 } });
    expect(api().times.unclaimed(phone)).toBe(0);
    expect(await readMember()).toMatchObject({ [`times:${phone}`]: { unclaimed: { points: 0 } } });
  });

  it('claims a backlog of 1000 records, counted past the first page', async () => {
    api().times.addManyUnclaimed(phone, 1000, 2);
    await handleCommand({ type: 'times.sendCode', phone });
    await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    expect(await handleCommand({ type: 'points.claim', key: `times:${phone}` })).toEqual({ ok: true, data: { claimed: 2000 } });
    expect(api().times.unclaimed(phone)).toBe(0);
  });

  it('says so when the claim answers success but claims nothing, and keeps the points shown as waiting', async () => {
    api().times.addUnclaimed(phone, 25);
    api().times.claimAllStyle = 'claims-nothing';
    await handleCommand({ type: 'times.sendCode', phone });
    await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    expect(await handleCommand({ type: 'points.claim', key: `times:${phone}` })).toEqual({ ok: false, error: { key: 'error.claimNothing' } });
    expect(api().hits('times.claimAll')).toHaveLength(1);
    expect(await readMember()).toMatchObject({ [`times:${phone}`]: { unclaimed: { points: 25 } } });
  });

  it('passes the server\'s message on a wrong code and stores nothing', async () => {
    await handleCommand({ type: 'times.sendCode', phone });
    expect(await handleCommand({ type: 'times.login', phone, code: '000000' })).toEqual({ ok: false, error: { key: 'error.server', params: { message: '验证码错误' } } });
    expect(await readAccounts()).toEqual([]);
  });

  it('stores a logged-in, checked-in account in storage.local only: nothing syncs', async () => {
    await handleCommand({ type: 'times.sendCode', phone });
    await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! });
    await handleCommand({ type: 'checkin.run', key: `times:${phone}` });
    expect(Object.keys(await fakeBrowser.storage.local.get(null))).toContain('secrets');
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
  });

  it('never puts a token into a reply, successful or not', async () => {
    await handleCommand({ type: 'times.sendCode', phone });
    const replies = [await handleCommand({ type: 'times.login', phone, code: api().times.lastCode(phone)! })];
    const { token: first } = (await readSecrets())[`times:${phone}`] as { token: string };
    api().times.expireAccessTokens();
    api().inject({ route: 'times.collect', kind: 'body401', times: 2 }); // rejected, refreshed, rejected again
    replies.push(await handleCommand({ type: 'checkin.run', key: `times:${phone}` }));
    expect(replies.at(-1)).toMatchObject({ ok: false });
    api().inject({ route: 'times.collect', kind: 'html502' });
    await updateCheckins(() => ({}));
    replies.push(await handleCommand({ type: 'checkin.run', key: `times:${phone}` }));
    expect(replies.at(-1)).toMatchObject({ ok: false, error: { key: 'error.unavailable', params: { status: 502 } } });
    replies.push(await handleCommand({ type: 'checkin.run', key: `times:${phone}` }));
    for (const reply of replies) expect(JSON.stringify(reply)).not.toContain(first);
    const { token, refreshToken } = (await readSecrets())[`times:${phone}`] as { token: string; refreshToken: string };
    for (const reply of replies) expect(JSON.stringify(reply)).not.toMatch(new RegExp(`${token}|${refreshToken}`));
  });
});
