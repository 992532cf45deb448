import { createHash, randomBytes, randomInt } from 'node:crypto';
import { captchaImage, newCaptchaText, type CaptchaMode } from './captcha';
import { chinaDateTime } from './china-time';
import type { EventSink } from './events';
import { homingError, homingOk, type HomingEnvelope } from './homing-envelope';
import { bearerToken, parseJsonObject, PHONE_PATTERN, stringField, type Reply, type Route, type RouteRequest } from './route';

// The Homing employee auth service (docs/api/homing-auth-sdk.txt). The password login has no
// documented path; the mock uses the login prefix itself. A session cookie carries the captcha
// state, as the real service ties a captcha to the browser that saw it.

export interface HomingMock {
  envelope: HomingEnvelope;
  /** undefined (default) = as the doc types it: string in login answers, number for getSmsCode/refreshImageCode. */
  expireInAsString: boolean | undefined;
  captchaMode: CaptchaMode;
  captchaDataPrefix: boolean;
  addUser(mobile: string, passwd: string): void;
  password(mobile: string): string | undefined;
  lastCode(mobile: string, purpose?: Purpose): string | undefined;
  captchaText(): string | undefined;
  validTokens(): string[];
  readonly zgtTokens: Set<string>;
  smsIntervalSeconds: number;
  /** The loginStatus a zgt login answers with (default 'success'). */
  zgtLoginStatus: string;
}

type Purpose = 'login' | 'forgot';
interface Session {
  id: string;
  captchaRequired: boolean;
  captcha?: { text: string; expiresAt: number };
}

const BASE = '/v1/homing/auth';
const TOKEN_TTL_SECONDS = 7200;
const CODE_TTL_SECONDS = 300;
const CAPTCHA_TTL_SECONDS = 120;

export class HomingState implements HomingMock {
  envelope: HomingEnvelope = 'code0';
  expireInAsString: boolean | undefined = undefined;
  captchaMode: CaptchaMode = 'png';
  captchaDataPrefix = false;
  smsIntervalSeconds = 60;
  zgtLoginStatus = 'success';
  readonly zgtTokens = new Set<string>();
  private readonly users = new Map<string, { passwd?: string }>();
  /** The last code per `purpose:mobile`; `used` once spent (codes are single-use). */
  private readonly codes = new Map<string, { code: string; expiresAt: number; used: boolean }>();
  private readonly lastSent = new Map<string, number>();
  private readonly tokens = new Map<string, { subject: string; expiresAt: number }>();
  private readonly sessions = new Map<string, Session>();
  private lastCaptcha: string | undefined;

  constructor(private readonly emit: EventSink, private readonly clock: () => number) {}

  addUser(mobile: string, passwd: string): void {
    this.users.set(mobile, { passwd });
  }

  password(mobile: string): string | undefined {
    return this.users.get(mobile)?.passwd;
  }

  lastCode(mobile: string, purpose: Purpose = 'login'): string | undefined {
    return this.codes.get(`${purpose}:${mobile}`)?.code;
  }

  captchaText(): string | undefined {
    return this.lastCaptcha;
  }

  validTokens(): string[] {
    const now = this.clock();
    return [...this.tokens].filter(([, record]) => now < record.expiresAt).map(([token]) => token);
  }

  reset(): void {
    this.envelope = 'code0';
    this.expireInAsString = undefined;
    this.captchaMode = 'png';
    this.captchaDataPrefix = false;
    this.smsIntervalSeconds = 60;
    this.zgtLoginStatus = 'success';
    for (const store of [this.zgtTokens, this.users, this.codes, this.lastSent, this.tokens, this.sessions]) store.clear();
    this.lastCaptcha = undefined;
  }

  routes(): Route[] {
    return [
      this.route('homing.getSmsCode', `${BASE}/employee/login/get-mobile-code`, (r) => this.sendCode(r, 'login')),
      this.route('homing.loginBySmsCode', `${BASE}/employee/login/mobile/switch`, (r) => this.loginBySms(r)),
      this.route('homing.login', `${BASE}/employee/login`, (r, s) => this.login(r, s)),
      this.route('homing.logout', `${BASE}/employee/logout`, (r) => this.logout(r)),
      this.route('homing.refreshImageCode', `${BASE}/employee/login/refresh-vali-code`, (r, s) => this.ok(this.issueCaptcha(s, r.now, false)), ['GET', 'POST']),
      this.route('homing.forgotGetSmsCode', `${BASE}/employee/forgot/get-mobile-code`, (r) => this.sendCode(r, 'forgot')),
      this.route('homing.resetPassword', `${BASE}/employee/forgot/update-passwd`, (r) => this.resetPassword(r)),
      this.route('homing.zgtLogin', `${BASE}/customer/login/zgt/token`, (r) => this.zgtLogin(r)),
    ];
  }

  /** Wraps a handler with the body check and the HSESSION cookie (set when the request had none). */
  private route(name: string, path: string, handler: (request: RouteRequest, session: Session) => Reply, methods = ['POST']): Route {
    const handle = (request: RouteRequest): Reply => {
      const cookie = /(?:^|;\s*)HSESSION=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
      const id = cookie ?? randomBytes(16).toString('hex');
      const session = this.sessions.get(id) ?? { id, captchaRequired: false };
      this.sessions.set(id, session);
      const valid = request.body.trim() === '' || parseJsonObject(request.body) !== undefined;
      const reply = valid ? handler(request, session) : this.error(400, '参数错误: 请求体必须是 JSON 对象');
      if (cookie === undefined) reply.headers = { ...reply.headers, 'Set-Cookie': `HSESSION=${id}; Path=/; HttpOnly; SameSite=Lax` };
      return reply;
    };
    return { name, path, methods, handle };
  }

  private ok(data: unknown): Reply {
    return homingOk(this.envelope, data);
  }

  private error(code: number, message: string, data: unknown = null): Reply {
    return homingError(this.envelope, code, message, data);
  }

  private expireIn(seconds: number, docSaysString: boolean): string | number {
    return (this.expireInAsString ?? docSaysString) ? String(seconds) : seconds;
  }

  private sendCode(request: RouteRequest, purpose: Purpose): Reply {
    const mobile = field(request, 'mobile');
    if (!mobile || !PHONE_PATTERN.test(mobile)) return this.error(400, '手机号格式错误');
    const key = `${purpose}:${mobile}`;
    const last = this.lastSent.get(key);
    if (last !== undefined && request.now - last < this.smsIntervalSeconds * 1000) return this.error(429, '发送过于频繁，请稍后再试');
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    this.lastSent.set(key, request.now);
    this.codes.set(key, { code, expiresAt: request.now + CODE_TTL_SECONDS * 1000, used: false });
    this.emit({ type: 'sms', service: 'homing', purpose, phone: mobile, code });
    return this.ok(purpose === 'login' ? { expireIn: this.expireIn(CODE_TTL_SECONDS, false) } : null);
  }

  /** True (and the code is spent) when `code` is the live code of that mobile and purpose. */
  private useCode(purpose: Purpose, mobile: string, code: string | undefined, now: number): boolean {
    const entry = this.codes.get(`${purpose}:${mobile}`);
    if (!entry || entry.used || !code || entry.code !== code || now >= entry.expiresAt) return false;
    entry.used = true;
    return true;
  }

  private loginBySms(request: RouteRequest): Reply {
    const mobile = field(request, 'mobile');
    if (!mobile) return this.error(400, '参数错误: mobile');
    if (!this.useCode('login', mobile, field(request, 'mobileCode'), request.now)) return this.error(400, '验证码错误');
    if (!this.users.has(mobile)) this.users.set(mobile, {}); // an SMS login registers the employee
    return this.ok(this.issueToken(mobile, request.now));
  }

  private login(request: RouteRequest, session: Session): Reply {
    const mobile = field(request, 'mobile');
    const passwd = field(request, 'passwd');
    if (!mobile || !passwd) return this.error(400, '参数错误: mobile, passwd');
    if (session.captchaRequired) {
      const imgCode = field(request, 'imgCode')?.toLowerCase();
      const captcha = session.captcha;
      if (!captcha || request.now >= captcha.expiresAt || imgCode !== captcha.text.toLowerCase()) {
        return this.error(400, '图形验证码错误', this.issueCaptcha(session, request.now, true));
      }
    }
    const user = this.users.get(mobile);
    if (user?.passwd === undefined || user.passwd !== passwd) {
      session.captchaRequired = true;
      return this.error(400, '密码错误，请输入图形验证码', this.issueCaptcha(session, request.now, true));
    }
    session.captchaRequired = false;
    session.captcha = undefined;
    return this.ok(this.issueToken(mobile, request.now));
  }

  private logout(request: RouteRequest): Reply {
    const token = bearerToken(request.headers);
    const record = token === undefined ? undefined : this.tokens.get(token);
    if (!token || !record || request.now >= record.expiresAt) return this.error(401, '未登录或登录已过期');
    this.tokens.delete(token);
    return this.ok(null);
  }

  private resetPassword(request: RouteRequest): Reply {
    const mobile = field(request, 'mobile');
    const passwd = field(request, 'passwd');
    if (!mobile || !passwd) return this.error(400, '参数错误: mobile, passwd');
    if (!this.useCode('forgot', mobile, field(request, 'mobileCode'), request.now)) return this.error(400, '验证码错误');
    this.users.set(mobile, { passwd });
    return this.ok(null);
  }

  private zgtLogin(request: RouteRequest): Reply {
    const zgtToken = field(request, 'token');
    if (!zgtToken || !this.zgtTokens.has(zgtToken)) return this.error(400, '智桂通 token 无效');
    const { token, expireIn } = this.issueToken(`zgt:${zgtToken}`, request.now);
    const n = Number(BigInt(`0x${createHash('sha256').update(zgtToken).digest('hex').slice(0, 8)}`) % 90000n) + 10000;
    return this.ok({
      token, accountId: n, accountCode: `ACC${n}`, expireIn, oldCustomerFlag: 1,
      lastLoginTime: chinaDateTime(request.now - 86_400_000), lastTestTime: request.now - 3 * 86_400_000,
      loginStatus: this.zgtLoginStatus, customerId: n + 1, customerCode: `CUS${n + 1}`, nickname: '智桂通用户', realName: '测试顾客',
      avatar: 'https://example.invalid/avatar.png', trueImg: 'https://example.invalid/true.png', tenantCode: 'T0001',
      orgId: 3001, orgCode: 'ORG3001', alreadyRegister: 'true',
    });
  }

  private issueToken(subject: string, now: number): { token: string; userCode: string; expireIn: string | number } {
    const token = randomBytes(24).toString('hex');
    this.tokens.set(token, { subject, expiresAt: now + TOKEN_TTL_SECONDS * 1000 });
    const userCode = `U${createHash('sha256').update(subject).digest('hex').slice(0, 12).toUpperCase()}`;
    return { token, userCode, expireIn: this.expireIn(TOKEN_TTL_SECONDS, true) };
  }

  private issueCaptcha(session: Session, now: number, inLoginAnswer: boolean): { valiCodeImg: string; expireIn: string | number } {
    const text = newCaptchaText();
    session.captcha = { text, expiresAt: now + CAPTCHA_TTL_SECONDS * 1000 };
    this.lastCaptcha = text;
    this.emit({ type: 'captcha', session: session.id, text });
    const valiCodeImg = captchaImage(this.captchaMode, text, this.captchaDataPrefix);
    return { valiCodeImg, expireIn: this.expireIn(CAPTCHA_TTL_SECONDS, inLoginAnswer) };
  }
}

function field(request: RouteRequest, key: string): string | undefined {
  const body = parseJsonObject(request.body);
  return body ? stringField(body, key) : undefined;
}
