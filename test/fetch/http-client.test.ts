/** The HTTP client every fetch shares: retries, Retry-After, cut-off bodies, network errors, the User-Agent. */
import { afterEach, describe, expect, it } from 'vitest';
import { FetchFailure, getWithRetry, type HttpOptions } from '../../src/fetch/http-client.ts';
import { retryAfterMs } from '../../src/fetch/retry-after.ts';
import { userAgent, userAgentFor } from '../../src/fetch/user-agent.ts';
import { hangUp, send, sendCutOff, standIn, type Answer, type StandIn } from './stand-in-server.ts';

let server: StandIn | null = null;
afterEach(async () => {
  await server?.close();
  server = null;
});

/** A stand-in answering the `n`th request with `answers[n]` (the last one for every request after). */
async function serve(...answers: Answer[]): Promise<StandIn> {
  server = await standIn((request, response, n, raw) => answers[Math.min(n, answers.length - 1)]!(request, response, n, raw));
  return server;
}

/** Options with the waits recorded instead of waited. */
function quick(): HttpOptions & { waits: number[] } {
  const waits: number[] = [];
  return { userAgent: 'Papershelf/test', backoffMs: 10, waits, wait: async (ms) => void waits.push(ms) };
}

const ok: Answer = (_request, response) => send(response, 200, '[1,2,3]');
const readJson = (body: string) => JSON.parse(body) as unknown;

describe('getWithRetry', () => {
  it('waits out a 429 as its Retry-After asks, in seconds or as a date, then succeeds', async () => {
    const at = new Date(Date.now() + 3_000).toUTCString();
    const { origin, received } = await serve(
      (_request, response) => send(response, 429, 'slow down', { 'retry-after': '2' }),
      (_request, response) => send(response, 429, 'slow down', { 'retry-after': at }),
      ok,
    );
    const options = quick();
    const { value } = await getWithRetry(`${origin}/x`, readJson, options);
    expect(value).toEqual([1, 2, 3]);
    expect(received).toHaveLength(3);
    expect(options.waits[0]).toBe(2_000);
    expect(options.waits[1]).toBeGreaterThan(1_000);
    expect(options.waits[1]).toBeLessThanOrEqual(3_000);
  });

  it('gives up at once when Retry-After asks for more than it waits', async () => {
    const { origin, received } = await serve((_request, response) => send(response, 503, '', { 'retry-after': '86400' }));
    const failure = await getWithRetry(`${origin}/x`, readJson, quick()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(FetchFailure);
    expect((failure as FetchFailure).reason).toBe('503 Service Unavailable, asking to wait 86400 s');
    expect(received).toHaveLength(1);
  });

  it('tries a 503 again after a growing wait, and succeeds', async () => {
    const { origin } = await serve(
      (_request, response) => send(response, 503, 'busy'),
      (_request, response) => send(response, 502, 'busy'),
      ok,
    );
    const options = quick();
    expect((await getWithRetry(`${origin}/x`, readJson, options)).value).toEqual([1, 2, 3]);
    expect(options.waits).toEqual([10, 20]);
  });

  it('stops after its tries when the server keeps failing, saying what and how often', async () => {
    const { origin, received } = await serve((_request, response) => send(response, 503, 'busy'));
    const failure = (await getWithRetry(`${origin}/x`, readJson, quick()).catch((error: unknown) => error)) as FetchFailure;
    expect(failure).toBeInstanceOf(FetchFailure);
    expect({ reason: failure.reason, tries: failure.tries, retryable: failure.retryable }).toEqual({
      reason: '503 Service Unavailable',
      tries: 4,
      retryable: true,
    });
    expect(received).toHaveLength(4);
  });

  it('does not try again what the server refuses', async () => {
    const { origin, received } = await serve((_request, response) => send(response, 404, 'no'));
    const failure = (await getWithRetry(`${origin}/x`, readJson, quick()).catch((error: unknown) => error)) as FetchFailure;
    expect({ reason: failure.reason, tries: failure.tries, retryable: failure.retryable }).toEqual({
      reason: '404 Not Found',
      tries: 1,
      retryable: false,
    });
    expect(received).toHaveLength(1);
  });

  it('tries again after a body cut off in transfer, and after one that is whole but truncated JSON', async () => {
    const { origin, received } = await serve(
      (_request, response) => sendCutOff(response, '[1,2,3,4,5,6,7,8,9,10]'),
      (_request, response) => send(response, 200, '[1,2,'),
      ok,
    );
    expect((await getWithRetry(`${origin}/x`, readJson, quick())).value).toEqual([1, 2, 3]);
    expect(received).toHaveLength(3);
  });

  it('tries again after a network error (the connection broken before an answer)', async () => {
    const { origin, received } = await serve((_request, _response, _n, raw) => hangUp(raw), ok);
    expect((await getWithRetry(`${origin}/x`, readJson, quick())).value).toEqual([1, 2, 3]);
    expect(received).toHaveLength(2);
  });

  it('names a network error that lasts', async () => {
    const { origin } = await serve((_request, _response, _n, raw) => hangUp(raw));
    const failure = (await getWithRetry(`${origin}/x`, readJson, { ...quick(), tries: 2 }).catch(
      (error: unknown) => error,
    )) as FetchFailure;
    expect(failure.reason).toMatch(/^network error \(.+\)$/);
    expect(failure.tries).toBe(2);
  });

  it('sends the User-Agent, naming Papershelf and its version', async () => {
    const { origin, received } = await serve(ok);
    await getWithRetry(`${origin}/x`, readJson, { userAgent: userAgent(), accept: 'application/json' });
    expect(received[0]?.headers['user-agent']).toMatch(/^Papershelf\/\d+\.\d+\.\d+/);
    expect(received[0]?.headers['accept']).toBe('application/json');
  });
});

describe('the User-Agent', () => {
  it('names the home page or repository when package.json has one', () => {
    expect(userAgentFor({ version: '1.2.3' })).toBe('Papershelf/1.2.3');
    expect(userAgentFor({ version: '1.2.3', homepage: 'https://example.org/shelf' })).toBe('Papershelf/1.2.3 (+https://example.org/shelf)');
    expect(userAgentFor({ version: '1.2.3', repository: { type: 'git', url: 'git+https://github.com/example/shelf.git' } })).toBe(
      'Papershelf/1.2.3 (+https://github.com/example/shelf)',
    );
    expect(userAgentFor({ version: '1.2.3', repository: 'example/shelf' })).toBe('Papershelf/1.2.3 (+https://github.com/example/shelf)');
  });
});

describe('retryAfterMs', () => {
  it('reads seconds and HTTP dates, and nothing else', () => {
    const now = Date.parse('2026-12-07T18:30:00Z');
    expect(retryAfterMs('5', now)).toBe(5_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 18:30:10 GMT', now)).toBe(10_000);
    expect(retryAfterMs('Mon, 07 Dec 2026 18:29:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });
});
