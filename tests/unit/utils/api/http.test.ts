// @vitest-environment node
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, parseJsonLossless, requestJson } from '@/utils/api/http';

// Answers every request with this body and status, for shapes the mock server never sends.
function answer(body: string, status: number, contentType = 'application/json') {
  vi.stubGlobal('fetch', async () => new Response(body === '' && [204, 205, 304].includes(status) ? null : body, { status, headers: { 'Content-Type': contentType } }));
}
afterEach(() => vi.unstubAllGlobals());
const call = () => requestJson('https://api.example.com/x', { method: 'POST', body: {} });

describe('requestJson', () => {
  it.each([
    ['an empty 401', '', 401, 'text/plain'],
    ['an HTML 401 page', '<html>401 Unauthorized</html>', 401, 'text/html'],
  ])('reads %s as a rejected token', async (_name, body, status, type) => {
    answer(body, status, type);
    await expect(call()).rejects.toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it.each([
    ['an HTML 403 page from a gateway', '<html>403 Forbidden</html>', 403],
    ['an HTML 400 page', '<html>Bad Request</html>', 400],
    ['an empty 404', '', 404],
  ])('reads %s as a passing failure, not as the API saying no', async (_name, body, status) => {
    answer(body, status, 'text/html');
    await expect(call()).rejects.toMatchObject({ kind: 'server', transient: true, text: { key: 'error.httpFailed', params: { status } } });
  });

  it('hands a JSON 4xx body to the caller, whose schema decides', async () => {
    answer('{"error":"invalid_grant"}', 400);
    expect(await call()).toEqual({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('reads an empty 2xx as a null body', async () => {
    answer('', 204);
    expect(await call()).toEqual({ status: 204, body: null });
  });

  it('keeps integers beyond Number.MAX_SAFE_INTEGER exact, as strings', () => {
    expect(parseJsonLossless('{"memberId": 1867395312345678901, "points": 12}')).toEqual({ memberId: '1867395312345678901', points: 12 });
  });
});

describe('ApiError', () => {
  it("masks what a server quotes back in its words: they are shown, stored and printed", () => {
    const said = '手机 13412341234 验证码 482913 无效，token eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const error = new ApiError('rejected', said, 200, 400);
    expect(error.serverMessage).toBe('手机 134****1234 验证码 ****** 无效，token ***');
    expect(error.text).toEqual({ key: 'error.server', params: { message: error.serverMessage } });
    expect(error.message).toBe(error.serverMessage);
  });
});
