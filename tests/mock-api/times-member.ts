import { chinaDate } from './china-time';
import type { MemberBook } from './member-book';
import { memberDetailReply, memberIdOf } from './member-detail';
import { json, jsonWithRawIds, mediaType, notFound, parseJsonObject, RawId, type Reply, type Route, type RouteRequest } from './route';
import { streak, weekCells } from './sign-week';

// The member-centre routes of the Times service (docs/api/times-member-more-api.md): sign-in status,
// 邦豆 records, claims, expiring points and the member detail by id. Same host, headers, envelope and
// 401 behaviour as the check-in routes; every route serves only the caller's own memberId.

export const MEMBER_CENTRE_PATHS = {
  signStatus: '/times/member-bff/task/api-c/v1/sign/task/list',
  pointsRecords: '/times/member-bff/member/api-c/v1/member/integralRecord/list',
  claimAll: '/times/member-bff/integral-record/api-c/v1/integral-record/receive/all',
  claimOne: '/times/member-bff/integral-record/api-c/v1/integral-record/receive',
  expiringPoints: '/times/member-bff/member/api-c/v1/member/overdueIntegral',
  memberById: '/times/member-bff/member/api-c/v1/member/detailByMemberId',
} as const;

/** What the routes need of the Times state (times.ts). */
export interface MemberCentreHost {
  readonly book: MemberBook;
  /** The status route answers 404: a server without it. */
  readonly statusMissing: boolean;
  /** claim-all claims every record, or answers success and claims none. */
  readonly claimAllStyle: 'claims' | 'claims-nothing';
  /** The phone of a valid access token, else undefined. */
  authenticate(request: RouteRequest): string | undefined;
  /** A rejected token, by status or in the body as the host is set. */
  rejectToken(): Reply;
  /** A route's `data` as the host wants it sent (a test may reshape it: another server version). */
  shape(route: string, data: unknown): unknown;
}

const fail = (code: number, message: string): Reply => json(200, { code, data: null, message });
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

type Caller = { phone: string } | { reply: Reply };

/** The caller's phone, or the answer to give: 401 for a bad token, 400 without memberId, 403 for another member's. */
function caller(host: MemberCentreHost, request: RouteRequest, memberId: unknown): Caller {
  const phone = host.authenticate(request);
  if (phone === undefined) return { reply: host.rejectToken() };
  if (typeof memberId !== 'string' || memberId === '') return { reply: fail(400, '参数错误: memberId') };
  if (memberId !== memberIdOf(phone)) return { reply: fail(403, '无权限') };
  return { phone };
}

/** A JSON POST body, or the 400 to answer. */
function jsonBody(request: RouteRequest): Record<string, unknown> | Reply {
  if (mediaType(request.headers) !== 'application/json') return fail(400, '参数错误: Content-Type 必须是 application/json');
  return parseJsonObject(request.body) ?? fail(400, '参数错误: 请求体必须是 JSON');
}

const isReply = (value: object): value is Reply => 'status' in value && 'body' in value;

function positiveInt(text: string | null, fallback: number): number | undefined {
  if (text === null) return fallback;
  const value = Number(text);
  return /^\d+$/.test(text) && value >= 1 ? value : undefined;
}

export function memberCentreRoutes(host: MemberCentreHost): Route[] {
  const ok = (route: string, data: unknown): Reply => jsonWithRawIds(200, { code: 200, data: host.shape(route, data), message: 'success' });
  const byQuery = (request: RouteRequest) => caller(host, request, request.query.get('memberId') ?? undefined);

  function signStatus(request: RouteRequest): Reply {
    if (host.statusMissing) return notFound();
    const who = byQuery(request);
    if ('reply' in who) return who.reply;
    const today = chinaDate(request.now);
    const member = host.book.get(who.phone, request.now);
    const count = streak(member.signed, today);
    return ok('times.signStatus', { sign: member.signed.has(today), count, taskVoList: weekCells(count) });
  }

  function pointsRecords(request: RouteRequest): Reply {
    const who = byQuery(request);
    if ('reply' in who) return who.reply;
    const status = request.query.get('status');
    if (status !== '1' && status !== '2') return fail(400, '参数错误: status');
    const pageIndex = positiveInt(request.query.get('pageIndex'), 1);
    const pageSize = positiveInt(request.query.get('pageSize'), 10);
    if (pageIndex === undefined || pageSize === undefined) return fail(400, '参数错误: pageIndex, pageSize');
    // isInvalid=1 asks for expired records; the mock keeps none.
    const all = (request.query.get('isInvalid') ?? '0') === '0' ? host.book.records(who.phone, status === '1' ? 1 : 2) : [];
    const page = all.slice((pageIndex - 1) * pageSize, pageIndex * pageSize);
    const records = page.map((record) => ({
      id: new RawId(record.id),
      behaviourName: record.behaviourName,
      integralChange: record.integralChange,
      changeType: 1,
      updateTime: record.updateTime,
    }));
    return ok('times.pointsRecords', { total: all.length, records });
  }

  function claimAll(request: RouteRequest): Reply {
    const body = jsonBody(request);
    if (isReply(body)) return body;
    const who = caller(host, request, body.memberId);
    if ('reply' in who) return who.reply;
    if (host.claimAllStyle === 'claims') host.book.claimAll(who.phone, request.now);
    return ok('times.claimAll', true);
  }

  function claimOne(request: RouteRequest): Reply {
    const body = jsonBody(request);
    if (isReply(body)) return body;
    const who = caller(host, request, body.memberId);
    if ('reply' in who) return who.reply;
    // A number is compared by its digits: one that lost them (JSON.parse) matches no record, as on the server.
    const recordId = typeof body.recordId === 'string' || typeof body.recordId === 'number' ? String(body.recordId) : '';
    if (!host.book.claimOne(who.phone, recordId, request.now)) return fail(400, '记录不存在或已领取');
    return ok('times.claimOne', true);
  }

  function expiringPoints(request: RouteRequest): Reply {
    const who = byQuery(request);
    if ('reply' in who) return who.reply;
    const before = request.query.get('invalidTime') ?? '';
    if (!DATE_PATTERN.test(before)) return fail(400, '参数错误: invalidTime 格式必须是 YYYY-MM-DD');
    return ok('times.expiringPoints', host.book.expiringBefore(who.phone, chinaDate(request.now), before));
  }

  function memberById(request: RouteRequest): Reply {
    const who = byQuery(request);
    if ('reply' in who) return who.reply;
    const member = host.book.get(who.phone, request.now);
    return memberDetailReply({ phone: who.phone, points: member.points, pointsTotal: member.pointsTotal, createdAt: member.createdAt, now: request.now });
  }

  const P = MEMBER_CENTRE_PATHS;
  return [
    { name: 'times.signStatus', methods: ['GET'], path: P.signStatus, handle: signStatus },
    { name: 'times.pointsRecords', methods: ['GET'], path: P.pointsRecords, handle: pointsRecords },
    { name: 'times.claimAll', methods: ['POST'], path: P.claimAll, handle: claimAll },
    { name: 'times.claimOne', methods: ['POST'], path: P.claimOne, handle: claimOne },
    { name: 'times.expiringPoints', methods: ['GET'], path: P.expiringPoints, handle: expiringPoints },
    { name: 'times.memberById', methods: ['GET'], path: P.memberById, handle: memberById },
  ];
}
