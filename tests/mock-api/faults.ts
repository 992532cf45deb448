import { json, type Reply } from './route';

// Injected failures of the real services as clients meet them: an nginx 502 page in front of the
// API, a body cut off mid-way, a request that never answers, a token rejected either by status or
// inside a 200 envelope, a 500 and a 429; and `reply`, any answer a test writes (one no document shows,
// or one quoting secrets for the diagnostics tests).

export type FaultKind = 'html502' | 'malformed' | 'hang' | 'status401' | 'body401' | 'status500' | 'status429' | 'reply';

export interface Fault {
  route: string;
  kind: FaultKind;
  /** How many consecutive requests of the route this fault answers (default 1). */
  times?: number;
  /** For `reply`: the HTTP status and the JSON body (a string is sent as it is, as text/html). */
  reply?: { status: number; body: unknown };
}

interface Pending {
  kind: FaultKind;
  left: number;
  reply?: Fault['reply'];
}

/** Faults per route, used up in the order they were injected. */
export class FaultQueue {
  private readonly queues = new Map<string, Pending[]>();

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new RangeError(`fault times must be a positive integer: ${times}`);
    const queue = this.queues.get(fault.route) ?? [];
    if (fault.kind === 'reply' && !fault.reply) throw new TypeError('a reply fault needs its reply');
    queue.push({ kind: fault.kind, left: times, reply: fault.reply });
    this.queues.set(fault.route, queue);
  }

  /** The fault that answers the next request of `route`, if any; consumes one use of it. */
  take(route: string): Pick<Pending, 'kind' | 'reply'> | undefined {
    const queue = this.queues.get(route);
    const head = queue?.[0];
    if (!queue || !head) return undefined;
    head.left -= 1;
    if (head.left === 0) queue.shift();
    return { kind: head.kind, reply: head.reply };
  }

  clear(): void {
    this.queues.clear();
  }
}

const NGINX_502 = [
  '<html>',
  '<head><title>502 Bad Gateway</title></head>',
  '<body>',
  '<center><h1>502 Bad Gateway</h1></center>',
  '<hr><center>nginx</center>',
  '</body>',
  '</html>',
  '',
].join('\r\n');

/** The reply of a fault; `hang` has none (the server keeps the request open until close). */
export function faultReply({ kind, reply }: { kind: Exclude<FaultKind, 'hang'>; reply?: Fault['reply'] }): Reply {
  switch (kind) {
    case 'reply':
      if (typeof reply?.body === 'string') return { status: reply.status, body: reply.body, contentType: 'text/html' };
      return json(reply?.status ?? 200, reply?.body);
    case 'html502':
      return { status: 502, body: NGINX_502, contentType: 'text/html', headers: { Server: 'nginx' } };
    case 'malformed':
      // Valid JSON up to a point, then cut: what a dropped upstream connection leaves behind.
      return { ...json(200, null), body: '{"code":200,"data":{"token":"eyJhbGciOiJSUzI1NiIsInR5' };
    case 'status401':
      return json(401, { code: 401, message: 'token 已失效' });
    case 'body401':
      return json(200, { code: 401, data: null, message: 'token 已失效' });
    case 'status500':
      return json(500, { code: 500, data: null, message: '系统繁忙，请稍后再试' });
    case 'status429':
      return { ...json(429, { code: 429, data: null, message: '请求过于频繁，请稍后再试' }), headers: { 'Retry-After': '1' } };
  }
}
