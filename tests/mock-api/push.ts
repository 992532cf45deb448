import { createHmac } from 'node:crypto';
import { parseForm } from './form';
import { json, parseJsonObject, stringField, type Reply, type Route, type RouteRequest } from './route';

// Stand-ins for the push services (issue 12), under /push/<type>/…, answering as each real one does
// (success and error bodies, statuses) and recording what they took. The key (or token, topic) picks the
// behaviour: `bad` is refused the way the service refuses an unknown key; `redirect` answers 302 to
// /push/stolen (a client that follows it is caught there); `hang` never answers; `http500` is an HTML
// error page. The signed bots (DingTalk, Feishu) check a signature with PUSH_SECRET whenever one is
// sent, and demand one for the key `signed`.

export const PUSH_SECRET = 'SEC-mock-push-secret';
/** The Gotify application token the mock accepts; the ntfy token a `private` topic asks for. */
export const GOTIFY_TOKEN = 'A-mock-gotify-token';
export const NTFY_TOKEN = 'tk_mock_ntfy_token';

export type PushService = 'bark' | 'wecom' | 'dingtalk' | 'feishu' | 'serverchan' | 'pushplus' | 'telegram' | 'ntfy' | 'gotify' | 'webhook';

/** A message a service took. `text` is everything it carried as a person would read it (title and body). */
export interface PushDelivery {
  service: PushService;
  /** The key, token or topic it was sent with (a mock's, never a real one). */
  key: string;
  title: string;
  body: string;
  text: string;
  method: string;
  contentType?: string;
  at: number;
}

export interface PushMock {
  /** What the services took, oldest first; of one service when named. */
  received(service?: PushService): PushDelivery[];
  /** Requests that followed a redirect to /push/stolen (there must be none). */
  readonly stolen: number;
}

const HTML_500 = '<html><body><h1>500 Internal Server Error</h1></body></html>';

/** What a behaviour key answers before the service looks at anything; undefined for an ordinary key. */
function special(key: string): Reply | undefined {
  if (key === 'redirect') return { status: 302, body: '', contentType: 'text/plain', headers: { Location: `/push/stolen?from=${encodeURIComponent(key)}` } };
  if (key === 'hang') return { status: 200, body: '', contentType: 'application/json', hang: true };
  if (key === 'http500') return { status: 500, body: HTML_500, contentType: 'text/html' };
  return undefined;
}

const sign = (key: string, message: string) => createHmac('sha256', key).update(message).digest('base64');

/** `=?UTF-8?B?…?=` (RFC 2047, as ntfy reads its Title header) to text; anything else as it is. */
function decodeHeaderWord(value: string | undefined): string {
  const match = /^=\?utf-8\?b\?([^?]*)\?=$/i.exec(value ?? '');
  return match ? Buffer.from(match[1], 'base64').toString('utf8') : (value ?? '');
}

const header = (request: RouteRequest, name: string) => {
  const value = request.headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
};

export class PushState implements PushMock {
  private readonly deliveries: PushDelivery[] = [];
  stolen = 0;

  received(service?: PushService): PushDelivery[] {
    return this.deliveries.filter((delivery) => service === undefined || delivery.service === service);
  }

  reset(): void {
    this.deliveries.length = 0;
    this.stolen = 0;
  }

  private take(request: RouteRequest, service: PushService, key: string, title: string, body: string, text = `${title}\n\n${body}`): void {
    this.deliveries.push({ service, key, title, body, text, method: request.method, contentType: header(request, 'content-type'), at: request.now });
  }

  /** `title\n\nbody` as one text (the bots that take a single text). */
  private takeText(request: RouteRequest, service: PushService, key: string, content: string): void {
    const split = content.indexOf('\n\n');
    this.take(request, service, key, split < 0 ? content : content.slice(0, split), split < 0 ? '' : content.slice(split + 2), content);
  }

  routes(): Route[] {
    return [
      { name: 'push.stolen', methods: ['GET', 'POST', 'PUT', 'PATCH'], path: '/push/stolen', handle: () => ((this.stolen += 1), json(200, { code: 200 })) },
      { name: 'push.bark', methods: ['POST'], path: '/push/bark/', prefix: true, handle: (request) => this.bark(request) },
      { name: 'push.wecom', methods: ['POST'], path: '/push/wecom/cgi-bin/webhook/send', handle: (request) => this.wecom(request) },
      { name: 'push.dingtalk', methods: ['POST'], path: '/push/dingtalk/robot/send', handle: (request) => this.dingtalk(request) },
      { name: 'push.feishu', methods: ['POST'], path: '/push/feishu/open-apis/bot/v2/hook/', prefix: true, handle: (request) => this.feishu(request) },
      { name: 'push.serverchan', methods: ['POST'], path: '/push/serverchan/', prefix: true, handle: (request) => this.serverchan(request) },
      { name: 'push.pushplus', methods: ['POST'], path: '/push/pushplus/send', handle: (request) => this.pushplus(request) },
      { name: 'push.telegram', methods: ['POST'], path: '/push/telegram/bot', prefix: true, handle: (request) => this.telegram(request) },
      { name: 'push.ntfy', methods: ['POST', 'PUT'], path: '/push/ntfy/', prefix: true, handle: (request) => this.ntfy(request) },
      { name: 'push.gotify', methods: ['POST'], path: '/push/gotify/message', handle: (request) => this.gotify(request) },
      { name: 'push.webhook', methods: ['GET', 'POST', 'PUT', 'PATCH'], path: '/push/webhook/', prefix: true, handle: (request) => this.webhook(request) },
    ];
  }

  /** Bark: `/push/bark/<key>`, JSON {title, body, group}. */
  private bark(request: RouteRequest): Reply {
    const key = request.pathname.slice('/push/bark/'.length).split('/')[0];
    const early = special(key);
    if (early) return early;
    if (key === 'bad') return json(400, { code: 400, message: 'failed to get device token: failed to get [bad] device token from database', timestamp: Math.floor(request.now / 1000) });
    const body = parseJsonObject(request.body);
    if (!body) return json(400, { code: 400, message: 'request bind failed', timestamp: Math.floor(request.now / 1000) });
    this.take(request, 'bark', key, stringField(body, 'title') ?? '', stringField(body, 'body') ?? '');
    return json(200, { code: 200, message: 'success', timestamp: Math.floor(request.now / 1000) });
  }

  /** A WeCom group bot: `?key=`, JSON {msgtype: 'text', text: {content}}. */
  private wecom(request: RouteRequest): Reply {
    const key = request.query.get('key') ?? '';
    const early = special(key);
    if (early) return early;
    const content = textContent(request.body);
    if (key === 'bad' || !key) return json(200, { errcode: 93000, errmsg: 'invalid webhook url, hint: [1700000000_1_mock], from ip: 127.0.0.1' });
    if (content === undefined) return json(200, { errcode: 40008, errmsg: 'invalid message type' });
    this.takeText(request, 'wecom', key, content);
    return json(200, { errcode: 0, errmsg: 'ok' });
  }

  /** A DingTalk robot: `?access_token=` (+ `timestamp` and `sign` when signed), JSON text message. */
  private dingtalk(request: RouteRequest): Reply {
    const key = request.query.get('access_token') ?? '';
    const early = special(key);
    if (early) return early;
    if (key === 'bad' || !key) return json(200, { errcode: 300001, errmsg: 'token is not exist' });
    const timestamp = request.query.get('timestamp');
    const signature = request.query.get('sign');
    if (signature !== null || key === 'signed') {
      const fresh = timestamp !== null && Math.abs(Number(timestamp) - request.now) < 3600_000;
      if (!fresh || signature !== sign(PUSH_SECRET, `${timestamp}\n${PUSH_SECRET}`)) return json(200, { errcode: 310000, errmsg: 'sign not match, more: [https://ding-doc.dingtalk.com/doc#/serverapi2/qf2nxq]' });
    }
    const content = textContent(request.body);
    if (content === undefined) return json(200, { errcode: 40035, errmsg: '缺少参数 json' });
    this.takeText(request, 'dingtalk', key, content);
    return json(200, { errcode: 0, errmsg: 'ok' });
  }

  /** A Feishu bot: `/push/feishu/open-apis/bot/v2/hook/<key>`, JSON {msg_type, content: {text}} (+ timestamp, sign). */
  private feishu(request: RouteRequest): Reply {
    const key = request.pathname.slice('/push/feishu/open-apis/bot/v2/hook/'.length);
    const early = special(key);
    if (early) return early;
    if (key === 'bad' || !key) return json(200, { code: 19001, data: {}, msg: 'param invalid: incoming webhook access token invalid' });
    const body = parseJsonObject(request.body);
    const timestamp = body && stringField(body, 'timestamp');
    const signature = body && stringField(body, 'sign');
    if (signature !== undefined || key === 'signed') {
      const fresh = timestamp !== undefined && Math.abs(Number(timestamp) * 1000 - request.now) < 3600_000;
      if (!fresh || signature !== sign(`${timestamp}\n${PUSH_SECRET}`, '')) {
        return json(200, { code: 19021, data: {}, msg: 'sign match fail or timestamp is not within one hour from current time' });
      }
    }
    const content = body?.content;
    const text = typeof content === 'object' && content !== null ? (content as { text?: unknown }).text : undefined;
    if (body?.msg_type !== 'text' || typeof text !== 'string') return json(200, { code: 9499, data: {}, msg: 'Bad Request' });
    this.takeText(request, 'feishu', key, text);
    return json(200, { StatusCode: 0, StatusMessage: 'success', code: 0, data: {}, msg: 'success' });
  }

  /** Server酱 Turbo: `/push/serverchan/<SendKey>.send`, a form with title and desp. */
  private serverchan(request: RouteRequest): Reply {
    const key = request.pathname.slice('/push/serverchan/'.length).replace(/\.send$/, '').replace(/^send\//, '');
    const early = special(key);
    if (early) return early;
    if (key === 'bad') return json(200, { code: 40001, message: 'bad pushtoken', data: null });
    const form = parseForm(request.headers, request.body);
    const title = form?.get('title') ?? form?.get('text');
    if (!title) return json(200, { code: 40001, message: 'title required', data: null });
    this.take(request, 'serverchan', key, title, form?.get('desp') ?? '');
    return json(200, { code: 0, message: '', data: { pushid: '1', readkey: 'mock', error: 'SUCCESS', errno: 0 } });
  }

  /** PushPlus: JSON {token, title, content, template}. */
  private pushplus(request: RouteRequest): Reply {
    const body = parseJsonObject(request.body);
    const key = (body && stringField(body, 'token')) ?? '';
    const early = special(key);
    if (early) return early;
    if (key === 'bad' || !key) return json(200, { code: 903, msg: '无效的用户token', data: null });
    this.take(request, 'pushplus', key, stringField(body!, 'title') ?? '', stringField(body!, 'content') ?? '');
    return json(200, { code: 200, msg: '请求成功', data: 'mock-flow-id' });
  }

  /** Telegram: `/push/telegram/bot<token>/sendMessage`, JSON {chat_id, text}. */
  private telegram(request: RouteRequest): Reply {
    const match = /^\/push\/telegram\/bot([^/]+)\/sendMessage$/.exec(request.pathname);
    if (!match) return json(404, { ok: false, error_code: 404, description: 'Not Found' });
    const token = decodeURIComponent(match[1]);
    const secretPart = token.split(':')[1] ?? '';
    const early = special(secretPart);
    if (early) return early;
    if (secretPart === 'bad') return json(401, { ok: false, error_code: 401, description: 'Unauthorized' });
    const body = parseJsonObject(request.body);
    const chat = body?.chat_id;
    if (chat === undefined || chat === 'bad') return json(400, { ok: false, error_code: 400, description: 'Bad Request: chat not found' });
    const text = (body && stringField(body, 'text')) ?? '';
    this.takeText(request, 'telegram', token, text);
    return json(200, { ok: true, result: { message_id: 1, chat: { id: Number(chat) || 0, type: 'private' }, date: Math.floor(request.now / 1000), text } });
  }

  /** ntfy: `/push/ntfy/<topic>`, the message as the body, the title in a header. */
  private ntfy(request: RouteRequest): Reply {
    const topic = request.pathname.slice('/push/ntfy/'.length);
    const early = special(topic);
    if (early) return early;
    if (topic === 'bad') return json(400, { code: 40010, http: 400, error: 'invalid request: topic invalid' });
    if (topic === 'private' && header(request, 'authorization') !== `Bearer ${NTFY_TOKEN}`) {
      return json(403, { code: 40301, http: 403, error: 'forbidden', link: 'https://ntfy.sh/docs/publish/#authentication' });
    }
    const title = decodeHeaderWord(header(request, 'title') ?? header(request, 'x-title'));
    this.take(request, 'ntfy', topic, title, request.body);
    return json(200, { id: 'mockNtfyId01', time: Math.floor(request.now / 1000), expires: 0, event: 'message', topic, title, message: request.body });
  }

  /** Gotify: `/push/gotify/message`, the token in X-Gotify-Key (or `?token=`), JSON {title, message}. */
  private gotify(request: RouteRequest): Reply {
    const token = header(request, 'x-gotify-key') ?? request.query.get('token') ?? '';
    const early = special(token);
    if (early) return early;
    if (token !== GOTIFY_TOKEN) {
      return json(401, { error: 'Unauthorized', errorCode: 401, errorDescription: 'you need to provide a valid access token or user credentials to access this api' });
    }
    const body = parseJsonObject(request.body);
    const title = (body && stringField(body, 'title')) ?? '';
    const message = (body && stringField(body, 'message')) ?? '';
    this.take(request, 'gotify', token, title, message);
    return json(200, { id: 1, appid: 1, message, title, priority: 5, date: new Date(request.now).toISOString() });
  }

  /** A webhook: `/push/webhook/<key>[?…]`, anything; what arrived is kept as the raw body and query. */
  private webhook(request: RouteRequest): Reply {
    const key = request.pathname.slice('/push/webhook/'.length);
    const early = special(key);
    if (early) return early;
    if (key === 'bad') return { status: 500, body: HTML_500, contentType: 'text/html' };
    const query = [...request.query.entries()].map(([name, value]) => `${name}=${value}`).join('&');
    this.take(request, 'webhook', key, request.query.get('title') ?? '', request.body, [query, request.body].filter(Boolean).join('\n'));
    return { status: 200, body: 'ok', contentType: 'text/plain' };
  }
}

/** `text.content` of a bot's JSON text message. */
function textContent(raw: string): string | undefined {
  const body = parseJsonObject(raw);
  const text = body?.text;
  const content = typeof text === 'object' && text !== null ? (text as { content?: unknown }).content : undefined;
  return body?.msgtype === 'text' && typeof content === 'string' ? content : undefined;
}
