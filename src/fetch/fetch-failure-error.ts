/** A request that failed for good (`FetchFailure`), said as the catalogue says it: one line naming the day or query, the address and what to do. */
import { runError } from '../messages/message.ts';
import { FetchFailed, FetchRefused } from '../messages/messages.ts';
import type { RunError } from '../messages/errors.ts';
import type { FetchFailure } from './http-client.ts';

/** What was being fetched, for the message. */
export interface FetchSubject {
  /** `fetch hf 2026-12-05`, ``fetch arxiv `cat:cs.LG` ``. */
  readonly what: string;
  /** What is left unwritten: `that day`, `that query`. */
  readonly nothing: string;
  /** What to check when the server refuses: `the day and HF_ENDPOINT`. */
  readonly check: string;
}

/** The error a command stops with for `failure` (exit 1). */
export function fetchFailureError(failure: FetchFailure, subject: FetchSubject): RunError {
  return failure.retryable
    ? runError(FetchFailed, subject.what, failure.url, failure.reason, failure.tries, subject.nothing)
    : runError(FetchRefused, subject.what, failure.url, failure.reason, subject.nothing, subject.check);
}
