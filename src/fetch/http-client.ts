/**
 * I/O: one GET with the etiquette every API client of `papershelf fetch` shares: a User-Agent
 * naming Papershelf, a 429 or 503 waited out as its `Retry-After` asks, other server errors,
 * network errors and cut-off or unreadable bodies tried again after a growing wait, a bounded
 * number of times. A request the server refuses (another 4xx) is not tried again.
 */
import { retryAfterMs } from './retry-after.ts';
import { noGate, type Gate } from './space-requests.ts';

/** How requests are made; every field but `userAgent` has a default. */
export interface HttpOptions {
  /** Sent with every request (see user-agent.ts). */
  readonly userAgent: string;
  /** What the response should be, e.g. `application/json`. Default: anything. */
  readonly accept?: string;
  /** How many times one request is tried in all. Default 4. */
  readonly tries?: number;
  /** The wait before the second try after a failure without `Retry-After`; doubled for each try after. Default 2 s. */
  readonly backoffMs?: number;
  /** The longest `Retry-After` waited out; a server asking for more ends the tries at once. Default 2 min. */
  readonly maxRetryAfterMs?: number;
  /** How long one try may take, body included. Default 60 s. */
  readonly timeoutMs?: number;
  /** Waits between tries; tests record the waits instead. Default: a timer. */
  readonly wait?: (ms: number) => Promise<void>;
  /** Every try goes through it (arXiv's spacing). Default: at once. */
  readonly gate?: Gate;
}

/** A request that failed for good: after every try, or at once when trying again cannot help. */
export class FetchFailure extends Error {
  override readonly name = 'FetchFailure';
  /** The address asked for. */
  readonly url: string;
  /** What went wrong the last time, e.g. `503 Service Unavailable`. */
  readonly reason: string;
  /** How many times it was tried. */
  readonly tries: number;
  /** False when the server refused it (a 4xx), true when it failed. */
  readonly retryable: boolean;

  constructor(url: string, reason: string, tries: number, retryable: boolean) {
    super(`${url}: ${reason} (${tries} ${tries === 1 ? 'try' : 'tries'})`);
    this.url = url;
    this.reason = reason;
    this.tries = tries;
    this.retryable = retryable;
  }
}

/** What a request brought: the body as `read` made it, and the response's headers. */
export interface Fetched<T> {
  readonly value: T;
  readonly headers: Headers;
}

/** What one try came to: an answer with its body, or an error before there was one. */
type Outcome = { readonly response: Response; readonly body: string } | { readonly error: unknown };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** A short reason for a network error: undici hides the cause (`other side closed`, `ECONNREFUSED`) in `cause`. */
function networkReason(error: unknown): string {
  if (error instanceof Error && error.name === 'TimeoutError') return 'no complete answer in time';
  const cause = error instanceof Error ? (error.cause as (Error & { code?: string }) | undefined) : undefined;
  const detail = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return `network error (${detail})`;
}

/** One try: the response and its whole body, or the error that stopped it. */
async function tryOnce(url: string, options: HttpOptions): Promise<Outcome> {
  const headers: Record<string, string> = { 'user-agent': options.userAgent };
  if (options.accept) headers['accept'] = options.accept;
  try {
    const response = await fetch(url, { headers, signal: AbortSignal.timeout(options.timeoutMs ?? 60_000) });
    return { response, body: await response.text() };
  } catch (error) {
    return { error };
  }
}

/** GETs `url`, reading the body with `read` (which throws when the body is cut off or not what was asked for). */
export async function getWithRetry<T>(url: string, read: (body: string) => T, options: HttpOptions): Promise<Fetched<T>> {
  const tries = options.tries ?? 4;
  const wait = options.wait ?? sleep;
  const gate = options.gate ?? noGate;
  const maxRetryAfter = options.maxRetryAfterMs ?? 120_000;
  let reason = '';
  for (let attempt = 1; attempt <= tries; attempt += 1) {
    const backoff = (options.backoffMs ?? 2_000) * 2 ** (attempt - 1);
    const outcome = await gate(() => tryOnce(url, options));
    let pause = backoff;
    if ('error' in outcome) {
      reason = networkReason(outcome.error);
    } else {
      const { response, body } = outcome;
      const status = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      if (response.ok) {
        try {
          return { value: read(body), headers: response.headers };
        } catch (error) {
          reason = `the answer was cut off or unreadable (${error instanceof Error ? error.message : String(error)})`;
        }
      } else if (response.status === 429 || response.status >= 500) {
        reason = status;
        const asked = retryAfterMs(response.headers.get('retry-after'));
        if (asked !== null && asked > maxRetryAfter)
          throw new FetchFailure(url, `${status}, asking to wait ${Math.ceil(asked / 1000)} s`, attempt, true);
        if (asked !== null) pause = asked;
      } else {
        throw new FetchFailure(url, status, attempt, false);
      }
    }
    if (attempt < tries) await wait(pause);
  }
  throw new FetchFailure(url, reason, tries, true);
}
