import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EventSink } from './events';
import { FaultQueue, faultReply, type Fault } from './faults';
import { HomingState, type HomingMock } from './homing';
import { PushState, type PushMock } from './push';
import { json, notFound, type Reply, type Route, type RouteRequest } from './route';
import { TimesState } from './times';
import type { TimesMock } from './times-knobs';

// A local stand-in for the Times and Homing services, for unit and e2e tests and for trying the
// extension by hand (cli.ts). It follows the two API documents in docs/api; see times.ts and
// homing.ts for the behaviour of each route, and push.ts for the push services under /push/.

export type { Fault, FaultKind } from './faults';
export type { MockEvent } from './events';
export type { HomingMock } from './homing';
export type { PushMock, PushDelivery, PushService } from './push';
export type { TimesMock, Checkin } from './times-knobs';

export interface RecordedRequest {
  /** A route name, 'preflight' for a CORS OPTIONS request, 'unknown' for a path/method with no route. */
  route: string;
  method: string;
  /** The raw request target, query included. */
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** Server clock (ms epoch) at arrival. */
  at: number;
}

export interface MockApi {
  url: string;
  requests: RecordedRequest[];
  hits(route: string): RecordedRequest[];
  inject(fault: Fault): void;
  setNow(fn: () => number): void;
  reset(): void;
  close(): Promise<void>;
  times: TimesMock;
  homing: HomingMock;
  push: PushMock;
}

export interface MockApiOptions {
  port?: number;
  host?: string;
  /** Called as SMS codes and captchas are issued (the CLI prints them). */
  onEvent?: EventSink;
}

function corsHeaders(request: IncomingMessage): Record<string, string> {
  const origin = request.headers.origin;
  const asked = request.headers['access-control-request-headers'];
  return {
    'Access-Control-Allow-Origin': origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
    'Access-Control-Allow-Headers': ['authorization', 'locale', 'content-type', asked].filter(Boolean).join(', '),
    // Chrome's Private Network Access preflight: a public page may call this 127.0.0.1 server.
    ...(request.headers['access-control-request-private-network'] ? { 'Access-Control-Allow-Private-Network': 'true' } : {}),
    Vary: 'Origin',
  };
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

export async function startMockApi(options: MockApiOptions = {}): Promise<MockApi> {
  const host = options.host ?? '127.0.0.1';
  let clock: () => number = Date.now;
  const now = (): number => clock();
  const emit: EventSink = (event) => options.onEvent?.(event);
  const times = new TimesState(emit, now);
  const homing = new HomingState(emit, now);
  const push = new PushState();
  const all = [...times.routes(), ...homing.routes(), ...push.routes()];
  const routes = new Map<string, Route>(all.filter((route) => !route.prefix).map((route) => [route.path, route]));
  const prefixed = all.filter((route) => route.prefix);
  const requests: RecordedRequest[] = [];
  const faults = new FaultQueue();
  const hanging = new Set<ServerResponse>();
  const late = new Set<ReturnType<typeof setTimeout>>();

  function send(response: ServerResponse, reply: Reply, cors: Record<string, string>): void {
    response.writeHead(reply.status, { ...cors, ...reply.headers, 'Content-Type': reply.contentType });
    response.end(reply.body);
  }

  /** Keeps a request open, unanswered, until the client leaves or close() ends it. */
  function hold(response: ServerResponse): void {
    hanging.add(response);
    response.on('close', () => hanging.delete(response));
  }

  /** Sends a route's reply now, later (delayMs) or never (hang). */
  function answer(response: ServerResponse, reply: Reply, cors: Record<string, string>): void {
    if (reply.hang) {
      hold(response);
      return;
    }
    if (reply.delayMs === undefined) {
      send(response, reply, cors);
      return;
    }
    hold(response);
    const timer = setTimeout(() => {
      late.delete(timer);
      hanging.delete(response);
      // The client may have given up meanwhile: nobody is left to answer.
      if (!response.destroyed) send(response, reply, cors);
    }, reply.delayMs);
    late.add(timer);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const body = await readBody(request);
    const target = request.url ?? '/';
    const queryAt = target.indexOf('?');
    const pathname = queryAt < 0 ? target : target.slice(0, queryAt);
    const method = request.method ?? 'GET';
    const route = routes.get(pathname) ?? prefixed.find((candidate) => pathname.startsWith(candidate.path));
    const matched = route?.methods.includes(method) ? route : undefined;
    const name = method === 'OPTIONS' ? 'preflight' : (matched?.name ?? 'unknown');
    const at = now();
    requests.push({ route: name, method, path: target, headers: { ...request.headers }, body, at });
    const cors = corsHeaders(request);

    if (method === 'OPTIONS') {
      response.writeHead(204, { ...cors, 'Access-Control-Max-Age': '600' }).end();
      return;
    }
    if (!matched) {
      const reply = route ? json(405, { code: 405, message: 'Method Not Allowed' }) : notFound();
      send(response, reply, cors);
      return;
    }
    const fault = faults.take(name);
    if (fault?.kind === 'hang') {
      hold(response);
      return;
    }
    if (fault) {
      send(response, faultReply({ ...fault, kind: fault.kind }), cors);
      return;
    }
    const routeRequest: RouteRequest = {
      method,
      pathname,
      query: new URLSearchParams(queryAt < 0 ? '' : target.slice(queryAt + 1)),
      headers: request.headers,
      body,
      now: at,
    };
    answer(response, matched.handle(routeRequest), cors);
  }

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      // A bug in the mock, not a simulated fault: say so loudly instead of hanging the client.
      console.error('[mock-api]', error);
      if (!response.headersSent) send(response, json(500, { code: 500, data: null, message: `mock error: ${String(error)}` }), {});
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const urlHost = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  let closed: Promise<void> | undefined;

  return {
    url: `http://${urlHost}:${port}`,
    requests,
    hits: (route) => requests.filter((request) => request.route === route),
    inject: (fault) => faults.add(fault),
    setNow: (fn) => {
      clock = fn;
    },
    reset: () => {
      requests.length = 0;
      faults.clear();
      times.reset();
      homing.reset();
      push.reset();
      clock = Date.now;
    },
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        for (const timer of late) clearTimeout(timer);
        late.clear();
        for (const response of hanging) response.destroy();
        hanging.clear();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      });
      return closed;
    },
    times,
    homing,
    push,
  };
}
