import { randomInt } from 'node:crypto';
import { chinaDate } from './china-time';
import { checkCheckinBody } from './checkin-body';
import type { EventSink } from './events';
import { parseForm } from './form';
import { MemberBook, type PointsMode } from './member-book';
import { memberDetailReply, memberIdOf } from './member-detail';
import { bearerToken, json, mediaType, parseJsonObject, PHONE_PATTERN, stringField, type Reply, type Route, type RouteRequest } from './route';
import { addDays, rewardOf, streak } from './sign-week';
import type { Checkin, TimesMock } from './times-knobs';
import { MEMBER_CENTRE_PATHS, memberCentreRoutes, type MemberCentreHost } from './times-member';
import { TokenStore } from './times-tokens';

// The Times member service (docs/api/times-member-checkin-api.txt): SMS login, member detail,
// the daily check-in and the refresh grant, with the server-side state a client can observe. The
// member-centre routes (status, 邦豆 records, claims; docs/api/times-member-more-api.md) are in
// times-member.ts and share this state.

export const TIMES_PATHS = {
  send: '/times/pub-center/verifycode/api/v1/send',
  smsToken: '/times/times-bff/bff/api-c/v1/oauth/token',
  member: '/times/member-bff/member/api-c/v1/member/detailByPhone',
  collect: '/times/member-bff/user-behaviour//api-c/v1/user-behaviour/collect',
  refresh: '/times/auth/oauth/token',
  ...MEMBER_CENTRE_PATHS,
} as const;

const ok = (data: unknown, message = 'success'): Reply => json(200, { code: 200, data, message });
const fail = (code: number, message: string): Reply => json(200, { code, data: null, message });
const CHECKIN_RECORD_NAME = '签到奖励';

export class TimesState implements TimesMock, MemberCentreHost {
  accessTtlSeconds = 8 * 3600;
  refreshTtlSeconds = 30 * 24 * 3600;
  rejectStyle: 'status' | 'body' = 'status';
  alreadyStyle: TimesMock['alreadyStyle'] = 'false';
  collectMode: TimesMock['collectMode'] = 'normal';
  collectLateMs = 20_000;
  statusMissing = false;
  pointsMode: PointsMode = 'balance';
  claimAllStyle: TimesMock['claimAllStyle'] = 'claims';
  readonly book = new MemberBook();
  /** The last code sent to each phone; `used` once it logged in (codes are single-use). */
  private readonly codes = new Map<string, { code: string; used: boolean }>();
  private readonly log: Checkin[] = [];
  private readonly tokens = new TokenStore();
  private readonly reshapes = new Map<string, (data: unknown) => unknown>();

  constructor(
    private readonly emit: EventSink,
    private readonly now: () => number,
  ) {}

  get revokedFamilies(): number {
    return this.tokens.revokedFamilies;
  }

  lastCode(phone: string): string | undefined {
    return this.codes.get(phone)?.code;
  }

  expireAccessTokens(): void {
    this.tokens.expireAll();
  }

  checkins(phone?: string): Checkin[] {
    return this.log.filter((entry) => phone === undefined || entry.phone === phone).map((entry) => ({ ...entry }));
  }

  memberId(phone: string): string {
    return memberIdOf(phone);
  }

  points(phone: string): number {
    return this.book.find(phone)?.points ?? 0;
  }

  signElsewhere(phone: string, date = chinaDate(this.now())): void {
    this.book.get(phone, this.now()).signed.add(date);
  }

  setSignedDays(phone: string, dates: string[]): void {
    this.book.get(phone, this.now()).signed = new Set(dates);
  }

  streak(phone: string): number {
    return streak(this.book.find(phone)?.signed ?? new Set(), chinaDate(this.now()));
  }

  signedToday(phone: string): boolean {
    return this.book.find(phone)?.signed.has(chinaDate(this.now())) ?? false;
  }

  addUnclaimed(phone: string, points: number, name = CHECKIN_RECORD_NAME): string {
    return this.book.credit(phone, points, name, this.now(), 'unclaimed').id;
  }

  addManyUnclaimed(phone: string, count: number, points: number): void {
    for (let n = 0; n < count; n += 1) this.book.credit(phone, points, '任务奖励', this.now(), 'unclaimed');
  }

  unclaimed(phone: string): number {
    return this.book.unclaimed(phone);
  }

  records(phone: string, status: 1 | 2): ReturnType<TimesMock['records']> {
    return this.book.records(phone, status).map(({ id, behaviourName, integralChange, updateTime }) => ({ id, behaviourName, integralChange, updateTime }));
  }

  setExpiring(phone: string, points: number, inDays: number): void {
    this.book.get(phone, this.now()).expiring.push({ points, date: addDays(chinaDate(this.now()), inDays) });
  }

  reshape(route: string, change: ((data: unknown) => unknown) | undefined): void {
    if (change) this.reshapes.set(route, change);
    else this.reshapes.delete(route);
  }

  shape(route: string, data: unknown): unknown {
    const change = this.reshapes.get(route);
    return change ? change(data) : data;
  }

  reset(): void {
    this.accessTtlSeconds = 8 * 3600;
    this.refreshTtlSeconds = 30 * 24 * 3600;
    this.rejectStyle = 'status';
    this.alreadyStyle = 'false';
    this.collectMode = 'normal';
    this.collectLateMs = 20_000;
    this.statusMissing = false;
    this.pointsMode = 'balance';
    this.claimAllStyle = 'claims';
    this.codes.clear();
    this.book.clear();
    this.log.length = 0;
    this.tokens.clear();
    this.reshapes.clear();
  }

  routes(): Route[] {
    return [
      { name: 'times.send', methods: ['POST'], path: TIMES_PATHS.send, handle: (r) => this.send(r) },
      { name: 'times.smsToken', methods: ['POST'], path: TIMES_PATHS.smsToken, handle: (r) => this.smsToken(r) },
      { name: 'times.member', methods: ['GET'], path: TIMES_PATHS.member, handle: (r) => this.member(r) },
      { name: 'times.collect', methods: ['POST'], path: TIMES_PATHS.collect, handle: (r) => this.collect(r) },
      { name: 'times.refresh', methods: ['POST'], path: TIMES_PATHS.refresh, handle: (r) => this.refresh(r) },
      ...memberCentreRoutes(this),
    ];
  }

  private send(request: RouteRequest): Reply {
    const body = parseJsonObject(request.body);
    if (!body) return fail(400, '参数错误: 请求体必须是 JSON');
    const phone = stringField(body, 'phoneNumber');
    if (!phone || !PHONE_PATTERN.test(phone)) return fail(400, '手机号格式错误');
    if (body.areaCode !== '86') return fail(400, '参数错误: areaCode');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.codes.set(phone, { code, used: false });
    this.emit({ type: 'sms', service: 'times', purpose: 'login', phone, code });
    return ok('验证码发送成功');
  }

  private smsToken(request: RouteRequest): Reply {
    const body = parseJsonObject(request.body);
    if (!body) return fail(400, '参数错误: 请求体必须是 JSON');
    const expected = { grant_type: 'sms_code', scope: 'all', client_id: 'mini_charge', client_secret: 'times', areaCode: '86' };
    for (const [key, value] of Object.entries(expected)) {
      if (body[key] !== value) return fail(400, `参数错误: ${key}`);
    }
    const phone = stringField(body, 'username') ?? '';
    const code = stringField(body, 'password');
    const sent = this.codes.get(phone);
    if (!code || !sent || sent.used || sent.code !== code) return fail(400, '验证码错误');
    sent.used = true;
    const member = this.book.get(phone, request.now);
    const tokens = this.tokens.login(phone, request.now, this);
    return ok({
      authUserDTO: { expiresIn: 86399, ...tokens, tokenHead: 'Bearer ' },
      userDTO: {
        eWechatOpenId: '', eWechatUnionId: '', extUserId: 1, id: 1, isCancel: 0, isEnable: 0, isShowRealName: 0,
        isSupplement: 0, phone, phoneAreaCode: '86', projectId: 1, projectName: '时代邻里', sex: 0, storeType: 1,
        storeUrl: 'https://mall-prod-app-linli.timesgroup.cn/app/index', updateTime: member.createdAt,
        userImage: 'https://thirdwx.qlogo.cn/', userName: '', wxMinipOpenId: '', wxOpenId: '', wxUnionId: '',
      },
      userProjectHistoryDTOS: [
        { projectId: 1, projectName: '时代邻里', storeType: 1, storeUrl: 'https://mall-prod-app-linli.timesgroup.cn/app/index' },
      ],
    });
  }

  private member(request: RouteRequest): Reply {
    const phone = this.authenticate(request);
    if (phone === undefined) return this.rejectToken();
    const asked = request.query.get('phone');
    if (!asked || request.query.get('phoneArea') !== '86') return fail(400, '参数错误: phone, phoneArea');
    if (asked !== phone) return fail(403, '无权限');
    const { points, pointsTotal, createdAt } = this.book.get(phone, request.now);
    return memberDetailReply({ phone, points, pointsTotal, createdAt, now: request.now });
  }

  private collect(request: RouteRequest): Reply {
    const phone = this.authenticate(request);
    if (phone === undefined) return this.rejectToken();
    if (mediaType(request.headers) !== 'application/json') return fail(400, '参数错误: Content-Type 必须是 application/json');
    const memberId = memberIdOf(phone);
    const check = checkCheckinBody(request.body, memberId);
    if (!check.ok) return fail(400, `参数错误: ${check.reason}`);
    const date = chinaDate(request.now);
    const member = this.book.get(phone, request.now);
    // The signed dates decide, not this log: the phone app may have signed today (signElsewhere).
    const first = !member.signed.has(date);
    this.log.push({ phone, memberId, date, body: check.value, accepted: first });
    if (!first) return this.alreadyReply();
    member.signed.add(date);
    // Today's reward is the award of the week cell the new streak lands on (docs/api/times-member-more-api.md).
    this.book.credit(phone, rewardOf(streak(member.signed, date)), CHECKIN_RECORD_NAME, request.now, this.pointsMode);
    if (this.collectMode === 'commit-hang') return { ...ok(true), hang: true };
    if (this.collectMode === 'commit-late') return { ...ok(true), delayMs: this.collectLateMs };
    return ok(true);
  }

  private alreadyReply(): Reply {
    if (this.alreadyStyle === 'false') return ok(false, '今日已签到');
    if (this.alreadyStyle === 'error') return fail(500, '今日已签到，请勿重复签到');
    if (this.alreadyStyle === 'refused') return fail(400, '今天已经签到过了');
    if (this.alreadyStyle === 'conflict') return { status: 409, body: '', contentType: 'text/plain' };
    if (this.alreadyStyle === 'message-only') return json(200, { code: 200, message: '今日已签到' });
    return json(500, { code: 500, message: '今日已签到，请勿重复签到' });
  }

  private refresh(request: RouteRequest): Reply {
    const form = parseForm(request.headers, request.body);
    if (!form) return json(400, { code: 400, data: null, message: '参数错误: 刷新令牌请使用表单 (FormData) 提交' });
    const expected = { grant_type: 'refresh_token', client_secret: 'times', client_id: 'app_c', scope: 'all' };
    for (const [key, value] of Object.entries(expected)) {
      if (form.get(key) !== value) return json(400, { code: 400, data: null, message: `参数错误: ${key}` });
    }
    const result = this.tokens.rotate(form.get('refresh_token') ?? '', request.now, this);
    if (!result.ok) return json(401, { code: 401, data: null, message: 'refresh token 已失效' });
    return ok({ expiresIn: 86399, ...result.tokens, tokenHead: 'Bearer ' }, '操作成功');
  }

  authenticate(request: RouteRequest): string | undefined {
    const token = bearerToken(request.headers);
    return token === undefined ? undefined : this.tokens.check(token, request.now);
  }

  rejectToken(): Reply {
    return json(this.rejectStyle === 'status' ? 401 : 200, { code: 401, data: null, message: 'token 已失效' });
  }
}
