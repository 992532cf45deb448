import { describe, expect, it } from 'vitest';
import type { Exchange } from '@/utils/api/exchange';
import { PATHS, type TimesClient } from '@/utils/api/times';
import { chinaMoment } from '@/utils/china-time';
import { appendExchanges, decodeLog, encodeLog, EXCHANGES_KEPT, LOG_BYTES, logName, NO_ACCOUNT } from '@/utils/core/diagnostics';
import { createEngine } from '@/utils/core/engine';
import type { DiagnosticsLog } from '@/utils/storage-schema';
import { memoryPorts, PHONE } from './memory-ports';

// The diagnostics log (issue 13): per account the last 50 exchanges, bounded in bytes, written through
// the state store by the engine, which hands each client an observer bound to the account it acts for.

const EIGHT = chinaMoment('2026-11-23', '08:00');
const KEY = `times:${PHONE}`;
const NAME = 'times 134****1234';
const utf8 = (value: unknown) => new TextEncoder().encode(JSON.stringify(value)).length;

const STATUS_SHAPE = '{code:number,data:{sign:boolean,count:number,taskVoList:[{day:number,awardIntegral:number,complete:boolean}]},message:string}';
/** One China day of an account as the services answer it: what a full log is made of. */
const DAY: Omit<Exchange, 'at'>[] = [
  { method: 'POST', path: PATHS.refresh, status: 200, code: '200', message: 'success', shape: '{code:number,data:{token:string,refreshToken:string,tokenHead:string,expiresIn:number},message:string}', ms: 180, reading: 'ok' },
  { method: 'GET', path: PATHS.signStatus, status: 200, code: '200', message: 'success', shape: STATUS_SHAPE, ms: 210, reading: 'ok' },
  { method: 'POST', path: PATHS.collect, status: 500, code: '500', message: '今日已签到，请勿重复签到', shape: '{code:number,data:null,message:string}', ms: 320, reading: 'already' },
  { method: 'GET', path: PATHS.signStatus, status: 200, code: '200', message: 'success', shape: STATUS_SHAPE, ms: 190, reading: 'ok' },
  { method: 'GET', path: PATHS.pointsRecords, status: 200, code: '200', message: 'success', shape: '{code:number,data:{total:number,records:[{id:string,behaviourName:string,integralChange:number,changeType:number,updateTime:number}]},message:string}', ms: 150, reading: 'ok' },
  { method: 'POST', path: PATHS.claimAll, status: 200, code: '200', message: '领取成功', shape: '{code:number,data:null,message:string}', ms: 140, reading: 'ok' },
  { method: 'GET', path: PATHS.memberDetail, status: 200, code: '200', message: 'success', shape: '{code:number,data:{memberId:string,memberIdStr:string,integral:number,phone:string,nickName:string},message:string}', ms: 130, reading: 'ok' },
  { method: 'GET', path: PATHS.expiringPoints, status: 502, shape: 'text(166)', ms: 15_000, reading: 'server' },
  { method: 'POST', path: PATHS.collect, ms: 15_001, reading: 'timeout' },
];
/** `count` exchanges, a minute apart from `start`, cycling through DAY. */
const exchanges = (count: number, start = EIGHT): Exchange[] => Array.from({ length: count }, (_, i) => ({ ...DAY[i % DAY.length], at: start + i * 60_000 }));

describe('the stored log', () => {
  it('stores each string once and reads back what was written (times to the second)', () => {
    const written = exchanges(20);
    const log = encodeLog(written);
    expect(log.strings.filter((s) => s === STATUS_SHAPE)).toHaveLength(1);
    expect(decodeLog(log)).toEqual(written);
  });

  it('reads an index that points nowhere as absent, never as another string', () => {
    const log: DiagnosticsLog = { strings: ['GET /x', 'ok'], exchanges: [[1_700_000_000, 0, 200, 7, -1, 9, 12, 1]] };
    expect(decodeLog(log)).toEqual([{ at: 1_700_000_000_000, method: 'GET', path: '/x', status: 200, ms: 12, reading: 'ok' }]);
  });

  it('keeps the last 50 exchanges of a key, oldest first', () => {
    const logs = appendExchanges({}, exchanges(70).map((e) => [KEY, e]), [KEY]);
    const kept = decodeLog(logs[NAME]);
    expect(kept).toHaveLength(EXCHANGES_KEPT);
    expect(kept[0].at).toBe(EIGHT + 20 * 60_000);
    expect(kept.at(-1)?.at).toBe(EIGHT + 69 * 60_000);
  });

  it('keeps 5 accounts with full logs within 30 KB (their JSON, in UTF-8 bytes)', () => {
    const keys = ['13412341234', '13512341235', '13612341236', '13712341237', '13812341238'].map((phone) => `times:${phone}`);
    const logs = appendExchanges({}, keys.flatMap((key) => exchanges(EXCHANGES_KEPT).map((e): [string, Exchange] => [key, e])), keys);
    expect(Object.values(logs).map((log) => log.exchanges.length)).toEqual([50, 50, 50, 50, 50]);
    expect(utf8(logs)).toBeLessThanOrEqual(30 * 1024);
  });

  it('drops the oldest exchanges of a log whose replies are all long and different, to stay within its bytes', () => {
    const long = exchanges(EXCHANGES_KEPT).map((e, i) => ({ ...e, message: `服务器说：${'很长的消息'.repeat(20)}${i}`, shape: `{field${i}:string,${'other:number,'.repeat(25)}}` }));
    const keys = ['a', 'b', 'c', 'd', 'e'].map((k) => `times:${k}`);
    const logs = appendExchanges({}, [...keys, NO_ACCOUNT].flatMap((key) => long.map((e): [string, Exchange] => [key, e])), keys);
    for (const log of Object.values(logs)) expect(utf8(log)).toBeLessThanOrEqual(LOG_BYTES);
    expect(decodeLog(logs['times a']).at(-1)).toEqual({ ...long.at(-1), at: long.at(-1)!.at });
    // Five accounts and the one log without an account: 30 KB at most whatever the services say.
    expect(utf8(logs)).toBeLessThanOrEqual(30 * 1024);
  });

  it.each([
    ['times:13412341234', 'times 134****1234'],
    ['homing:13800138000', 'homing 138****8000'],
    ['homing:EMP20240001', 'homing ***'],
    [NO_ACCOUNT, NO_ACCOUNT],
  ])('stores the log of %s under %j, never a whole number', (key, name) => {
    expect(logName(key)).toBe(name);
  });

  it('keeps only the newest log of a key that is no account (a failed login, a captcha)', () => {
    let logs = appendExchanges({}, [[KEY, exchanges(1)[0]]], [KEY]);
    logs = appendExchanges(logs, [['times:13900000001', exchanges(1, EIGHT + 1000)[0]]], [KEY]);
    logs = appendExchanges(logs, [[NO_ACCOUNT, exchanges(1, EIGHT + 2000_000)[0]]], [KEY]);
    expect(Object.keys(logs).sort()).toEqual([NO_ACCOUNT, NAME].sort());
  });
});

/** The memory ports with clients that tell their observer of each call, as the real ones do. */
function observedWorld() {
  const world = memoryPorts(EIGHT);
  const made = world.ports.timesClient;
  world.ports.timesClient = (baseUrl, observe) => {
    const client = made(baseUrl);
    return new Proxy(client, {
      get: (target, name: keyof TimesClient) =>
        async (...args: unknown[]) => {
          const started = world.clock.now();
          try {
            const value = await (target[name] as (...a: unknown[]) => Promise<unknown>)(...args);
            observe?.({ at: started, method: 'POST', path: `/${String(name)}`, status: 200, ms: 5, reading: 'ok' });
            return value;
          } catch (error) {
            observe?.({ at: started, method: 'POST', path: `/${String(name)}`, ms: 5, reading: 'timeout' });
            throw error;
          }
        },
    });
  };
  const engine = createEngine(world.ports);
  const logged = (key: string) => {
    const log = world.memory.state.diagnostics[logName(key)];
    return log ? decodeLog(log).map((e) => `${e.path} ${e.reading}`) : [];
  };
  return { ...world, engine, logged };
}

describe('the engine keeps the log', () => {
  it("logs a check-in's exchanges under the account that made them", async () => {
    const { engine, logged } = observedWorld();
    await engine.runDue(EIGHT);
    await engine.diagnostics.flush();
    expect(logged(KEY)).toEqual(['/signStatus ok', '/collect ok', '/signStatus ok', '/pointsRecords ok', '/memberDetail ok', '/expiringPoints ok']);
  });

  it('logs a login under the phone it is for, failures too', async () => {
    const { engine, logged, times } = observedWorld();
    await engine.timesSendCode('13900139001');
    await engine.timesLogin('13900139001', '123456');
    times.status = 'timeout';
    await engine.checkIn('times:13900139001', true).catch(() => undefined);
    await engine.diagnostics.flush();
    expect(logged('times:13900139001').slice(0, 4)).toEqual(['/sendCode ok', '/loginBySmsCode ok', '/memberDetail ok', '/signStatus timeout']);
  });

  it('deletes the log with its account', async () => {
    const { engine, memory } = observedWorld();
    await engine.runDue(EIGHT);
    await engine.diagnostics.flush();
    await engine.removeAccount(KEY);
    expect(memory.state.diagnostics).toEqual({});
  });

  it('checks in all the same when the log cannot be written', async () => {
    const { engine, memory, logged } = observedWorld();
    memory.failNext.diagnostics = 10;
    await engine.runDue(EIGHT);
    await engine.diagnostics.flush();
    expect(memory.state.checkins[KEY]).toMatchObject({ state: 'done' });
    expect(logged(KEY)).toEqual([]);
  });
});
