import { ApiError } from '@/utils/api/http';
import type { PointsRecord, SignStatusReply, TimesClient, TimesGrant } from '@/utils/api/times';
import { chinaDate } from '@/utils/china-time';
import type { CorePorts, StateStore } from '@/utils/core/ports';
import type { Notice } from '@/utils/core/rules/notice';
import { emptyPushLog, type PushLog } from '@/utils/push-schema';
import { DEFAULT_SETTINGS } from '@/utils/storage-schema';
import type { Account, DayRecord, DiagnosticsLog, HistoryTuple, MemberInfo, Secret, Settings, TimesAccount } from '@/utils/storage-schema';

// In-memory ports for the check-in engine (docs/ARCHITECTURE.md: tests hand the core in-memory
// adapters), and a scripted Times service: each flow test says what the service does, no server or
// fake browser needed. The real HTTP path is covered against the mock API in the other suites.

interface State {
  settings: Settings;
  accounts: Account[];
  secrets: Record<string, Secret>;
  checkins: Record<string, DayRecord>;
  member: Record<string, MemberInfo>;
  history: Record<string, HistoryTuple[]>;
  diagnostics: Record<string, DiagnosticsLog>;
  notified: string[];
  push: PushLog;
}

export type Item = 'accounts' | 'secrets' | 'checkins' | 'member' | 'history' | 'push' | 'diagnostics';

export function memoryStore(initial: Partial<State> = {}) {
  const state: State = { settings: { ...DEFAULT_SETTINGS, checkinTime: '08:00', randomDelayMinutes: 0 }, accounts: [], secrets: {}, checkins: {}, member: {}, history: {}, diagnostics: {}, notified: [], push: emptyPushLog(), ...initial };
  /** Writes of an item that fail next (a full disk, a quota): each failing write uses one up. */
  const failNext: Partial<Record<Item, number>> = {};
  const copy = <T>(value: T): T => structuredClone(value);
  function updater<K extends Item>(item: K) {
    return async (change: (value: State[K]) => State[K]) => {
      const next = change(copy(state[item]));
      if ((failNext[item] ?? 0) > 0) {
        failNext[item]! -= 1;
        throw new Error(`storage write of ${item} failed`);
      }
      state[item] = copy(next);
      return copy(next);
    };
  }
  const store: StateStore = {
    readSettings: async () => copy(state.settings),
    readAccounts: async () => copy(state.accounts),
    updateAccounts: updater('accounts'),
    readSecrets: async () => copy(state.secrets),
    updateSecrets: updater('secrets'),
    readCheckins: async () => copy(state.checkins),
    updateCheckins: updater('checkins'),
    readMember: async () => copy(state.member),
    updateMember: updater('member'),
    readHistory: async () => copy(state.history),
    updateHistory: updater('history'),
    readDiagnostics: async () => copy(state.diagnostics),
    updateDiagnostics: updater('diagnostics'),
    markNotified: async (id) => (state.notified.includes(id) ? false : (state.notified.push(id), true)),
    forgetNotified: async (id) => void (state.notified = state.notified.filter((shown) => shown !== id)),
    readPush: async () => copy(state.push),
    updatePush: updater('push'),
  };
  return { state, store, failNext };
}

type Behaviour = 'ok' | 'timeout' | 'network' | '500' | '404' | 'shape';
export type CollectBehaviour =
  | 'ok'
  /** The server records the check-in, then the answer is lost (timeout). */
  | 'commit-timeout'
  | 'timeout'
  | '500'
  /** HTTP 500 {"code":500,"message":"今日已签到，请勿重复签到"}. */
  | 'already-500'
  /** {"code":400,"message":"今天已经签到过了"} on a signed day. */
  | 'already-400'
  /** A bare HTTP 409 on a signed day. */
  | 'conflict-409'
  /** The network stack resent our POST: the server signs the day with the first copy, and we get the answer to the second (data: false). */
  | 'resent'
  /** {"code":400,"message":"今日签到次数已达上限"}: a refusal about today's sign-in, whatever the day. */
  | 'refused-today'
  | 'rejected';

const failure = (behaviour: Behaviour | CollectBehaviour): ApiError => {
  switch (behaviour) {
    case 'timeout':
    case 'commit-timeout':
      return new ApiError('timeout', '请求超时，请检查网络后重试');
    case 'network':
      return new ApiError('network', '网络连接失败，请检查网络后重试');
    case '404':
      return new ApiError('server', '请求失败 (HTTP 404)', 404);
    case 'shape':
      return new ApiError('malformed', '服务器返回了无法识别的数据，请稍后再试', 200);
    case 'already-500':
      return new ApiError('server', '今日已签到，请勿重复签到', 500, 500);
    case 'already-400':
      return new ApiError('rejected', '今天已经签到过了', 200, 400);
    case 'conflict-409':
      return new ApiError('server', '请求失败 (HTTP 409)', 409);
    case 'refused-today':
      return new ApiError('rejected', '今日签到次数已达上限', 200, 400);
    case 'rejected':
      return new ApiError('rejected', '参数错误', 200, 400);
    default:
      return new ApiError('server', '服务器暂时不可用 (HTTP 500)', 500);
  }
};

/** A scripted Times service for one or more members, by the clock it is given. */
export function fakeTimes(clock: { now(): number }) {
  const signedDays = new Map<string, Set<string>>();
  const calls: Record<string, number> = {};
  const count = (name: string) => void (calls[name] = (calls[name] ?? 0) + 1);
  let tokenNo = 0;
  const service = {
    calls,
    status: 'ok' as Behaviour,
    collect: 'ok' as CollectBehaviour,
    /** Access tokens the service refuses (a revoked session). */
    refusedTokens: new Set<string>(),
    /** Refresh tokens the service refuses (`refresh` answers 401): the whole session is revoked. */
    refuseRefresh: false,
    refreshTokensSeen: [] as string[],
    /** Points waiting in one unclaimed record, by member id. */
    unclaimed: new Map<string, number>(),
    /** Many unclaimed records by member id, the points of each (the list is served 50 a page). */
    unclaimedRecords: new Map<string, number[]>(),
    /** claim-all answers success and claims nothing. */
    claimNothing: false,
    expiring: new Map<string, number>(),
    balance: new Map<string, number>(),
    /** Resolves when a collect may answer (default: at once); to hold requests in flight. */
    gate: async (): Promise<void> => undefined,
    inFlight: 0,
    maxInFlight: 0,
    signElsewhere(memberId: string, date = chinaDate(clock.now())) {
      const days = signedDays.get(memberId) ?? new Set();
      days.add(date);
      signedDays.set(memberId, days);
    },
    signedToday: (memberId: string) => signedDays.get(memberId)?.has(chinaDate(clock.now())) ?? false,
  };
  const auth = (authorization: string) => {
    if (service.refusedTokens.has(authorization.replace(/^Bearer /, ''))) throw new ApiError('unauthorized', 'token 已失效', 401, 401);
  };
  const grant = (): TimesGrant => ({ token: `access-${++tokenNo}`, refreshToken: `refresh-${tokenNo}`, tokenHead: 'Bearer ', expiresIn: 8 * 3600 });

  const client = (): TimesClient =>
    ({
      async sendCode() {
        count('sendCode');
      },
      async loginBySmsCode() {
        count('login');
        return grant();
      },
      async memberDetail(authorization: string, phone: string) {
        count('memberDetail');
        auth(authorization);
        return { memberId: `18673953${phone.padStart(11, '0')}`, points: service.balance.get(phone) ?? 100 };
      },
      async signStatus(authorization: string, memberId: string): Promise<SignStatusReply> {
        count('signStatus');
        auth(authorization);
        if (service.status !== 'ok') throw failure(service.status);
        const signed = service.signedToday(memberId);
        const streak = signed ? 3 : 2;
        return { signed, streak, week: [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, reward: day === 3 ? 15 : 10, complete: day <= streak })) };
      },
      async collect(authorization: string, memberId: string) {
        count('collect');
        auth(authorization);
        service.inFlight += 1;
        service.maxInFlight = Math.max(service.maxInFlight, service.inFlight);
        try {
          await service.gate();
        } finally {
          service.inFlight -= 1;
        }
        const already = service.signedToday(memberId);
        if (service.collect === 'commit-timeout') {
          service.signElsewhere(memberId);
          throw failure('commit-timeout');
        }
        const alreadyStyles: CollectBehaviour[] = ['already-500', 'already-400', 'conflict-409'];
        if (alreadyStyles.includes(service.collect) && already) throw failure(service.collect);
        if (service.collect === 'resent') {
          service.signElsewhere(memberId);
          return false;
        }
        if (service.collect !== 'ok' && !alreadyStyles.includes(service.collect)) throw failure(service.collect);
        if (already) return false;
        service.signElsewhere(memberId);
        return true;
      },
      async pointsRecords(authorization: string, memberId: string, _status: 1 | 2, page: { index?: number; size?: number } = {}): Promise<{ total: number; records: PointsRecord[] }> {
        count('pointsRecords');
        auth(authorization);
        const { index = 1, size = 50 } = page;
        const points = service.unclaimed.get(memberId) ?? 0;
        const all = [
          ...(points > 0 ? [{ id: '1867395312345678901', name: '签到奖励', change: points }] : []),
          ...(service.unclaimedRecords.get(memberId) ?? []).map((change, n) => ({ id: String(1867395400000000000n + BigInt(n)), name: '任务奖励', change })),
        ];
        return { total: all.length, records: all.slice((index - 1) * size, index * size) };
      },
      async claimAll(authorization: string, memberId: string) {
        count('claimAll');
        auth(authorization);
        if (service.claimNothing) return;
        service.unclaimed.delete(memberId);
        service.unclaimedRecords.delete(memberId);
      },
      async expiringPoints(authorization: string, memberId: string) {
        count('expiringPoints');
        auth(authorization);
        return service.expiring.get(memberId) ?? 0;
      },
      async refreshToken(refreshToken: string) {
        count('refresh');
        service.refreshTokensSeen.push(refreshToken);
        if (service.refuseRefresh) throw new ApiError('unauthorized', 'refresh token 已失效', 401, 401);
        return grant();
      },
    }) as TimesClient;
  return { service, client };
}

export const PHONE = '13412341234';
export const memberIdOf = (phone: string) => `18673953${phone.padStart(11, '0')}`;

/** A logged-in Times account with a fresh session at `now`. */
export function timesAccount(now: number, phone = PHONE, extra: Partial<TimesAccount> = {}): { account: TimesAccount; secret: Secret } {
  const key = `times:${phone}`;
  return {
    account: { provider: 'times', key, phone, memberId: memberIdOf(phone), server: 'https://times.test', session: 'active', addedAt: now, activeSince: now, ...extra },
    secret: { provider: 'times', baseUrl: 'https://times.test', token: `login-${phone}`, refreshToken: `login-refresh-${phone}`, tokenHead: 'Bearer ', obtainedAt: now, expiresAt: now + 8 * 3600_000 },
  };
}

/** The ports with a settable clock, the memory store, the scripted service and the notices shown. */
export function memoryPorts(now: number, phones: string[] = [PHONE]) {
  const clock = { t: now, now: () => clock.t };
  const made = phones.map((phone) => timesAccount(now, phone));
  const memory = memoryStore({
    accounts: made.map((m) => m.account),
    secrets: Object.fromEntries(made.map((m) => [m.account.key, m.secret])),
  });
  const times = fakeTimes(clock);
  const notices: { id: string; notice: Notice }[] = [];
  const ports: CorePorts = {
    store: memory.store,
    notifier: { notify: async (id, notice) => void notices.push({ id, notice }) },
    clock,
    timesClient: () => times.client(),
  };
  return { ports, clock, memory, times: times.service, notices };
}
