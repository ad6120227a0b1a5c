/**
 * `papershelf fetch hf|arxiv`: the flags checked, the settings filled in, the run made, and its
 * one summary line on standard output. Notices go to standard error as they come; a failure
 * ends the command after the summary of what was done (exit 1; 2 for a mistake in the command).
 */
import { join } from 'node:path';
import { isIsoDay } from '../schema/paper.ts';
import { userError } from '../messages/message.ts';
import {
  FetchEndpointNotUrl,
  FetchExtraArgument,
  FetchMaxNotANumber,
  FetchNeedsQuery,
  FetchNeedsSource,
  FetchNotADay,
  FetchOptionNotFor,
  FetchUnknownSource,
} from '../messages/messages.ts';
import { nearestWord } from '../cli/nearest-word.ts';
import type { Settings } from '../settings/settings.ts';
import { arxivSummaryLine, fetchArxiv } from './fetch-arxiv.ts';
import { fetchHf, hfSummaryLine } from './fetch-hf.ts';
import { planHfDays, utcDay } from './plan-hf-days.ts';
import { spaceRequests } from './space-requests.ts';
import { userAgent } from './user-agent.ts';
import { lastFetchedDay } from './write-day-file.ts';

/** What the command line says to `fetch`. */
export interface FetchFlags {
  readonly date?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly query?: string | undefined;
  readonly since?: string | undefined;
  readonly max?: string | undefined;
  readonly 'arxiv-endpoint'?: string | undefined;
}

const SOURCES = ['hf', 'arxiv'];
/** The flags each source takes. */
const FLAGS: Readonly<Record<string, readonly (keyof FetchFlags)[]>> = {
  hf: ['date', 'from', 'to'],
  arxiv: ['query', 'since', 'max', 'arxiv-endpoint'],
};
const HF_ENDPOINT = 'https://huggingface.co';
const ARXIV_ENDPOINT = 'https://export.arxiv.org/api/query';
/** The arXiv API's terms: one request at a time, three seconds apart. */
const ARXIV_SPACING_MS = 3_000;

/** `value` when it is an http(s) address; else a `UserError` naming `from`. */
function endpoint(value: string, from: string, example: string): string {
  const url = URL.canParse(value) ? new URL(value) : null;
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') throw userError(FetchEndpointNotUrl, from, value, example);
  return value;
}

/** Checks the flags `source` is given; throws a `UserError` for one it does not take or a value it cannot use. */
function checkFlags(source: string, flags: FetchFlags): void {
  for (const [other, names] of Object.entries(FLAGS)) {
    if (other === source) continue;
    const given = names.find((name) => flags[name] !== undefined);
    if (given !== undefined) throw userError(FetchOptionNotFor, given, source);
  }
  for (const option of ['from', 'to', 'since'] as const) {
    const value = flags[option];
    if (value !== undefined && !isIsoDay(value)) throw userError(FetchNotADay, option, value);
  }
  if (flags.max !== undefined && !/^[1-9]\d{0,8}$/.test(flags.max)) throw userError(FetchMaxNotANumber, flags.max);
}

/** Runs `papershelf fetch <args>`; returns the exit code, or throws the error the command stops with. */
export async function fetchCommand(
  args: readonly string[],
  flags: FetchFlags,
  settings: Settings,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const [source, extra] = args;
  if (source === undefined) throw userError(FetchNeedsSource);
  if (!SOURCES.includes(source)) throw userError(FetchUnknownSource, source, nearestWord(source, SOURCES));
  if (extra !== undefined) throw userError(FetchExtraArgument, source, extra);
  checkFlags(source, flags);
  const fetchSettings = settings.fetch;
  const warn = (line: string) => process.stderr.write(`papershelf: ${line}\n`);
  const http = { userAgent: userAgent() };
  let outcome: { line: string; failure: Error | null };
  if (source === 'hf') {
    const hfEndpoint = endpoint(env['HF_ENDPOINT'] || HF_ENDPOINT, 'HF_ENDPOINT', HF_ENDPOINT);
    const context = {
      today: utcDay(new Date()),
      lastFetched: await lastFetchedDay(join(settings.content, 'sources')),
      days: fetchSettings.hf.days,
    };
    const days = planHfDays(flags, context);
    const { summary, failure } = await fetchHf({ days, content: settings.content, endpoint: hfEndpoint, http, warn });
    outcome = { line: hfSummaryLine(summary), failure };
  } else {
    const queries = flags.query !== undefined ? [flags.query] : fetchSettings.arxiv.queries;
    if (queries.length === 0) throw userError(FetchNeedsQuery);
    const { summary, failure } = await fetchArxiv({
      queries,
      since: flags.since,
      max: flags.max !== undefined ? Number(flags.max) : fetchSettings.arxiv.max,
      endpoint: endpoint(flags['arxiv-endpoint'] ?? ARXIV_ENDPOINT, '--arxiv-endpoint', ARXIV_ENDPOINT),
      http: { ...http, gate: spaceRequests(ARXIV_SPACING_MS) },
      content: settings.content,
      now: new Date(),
      warn,
    });
    outcome = { line: arxivSummaryLine(summary), failure };
  }
  process.stdout.write(`${outcome.line}\n`);
  if (outcome.failure) throw outcome.failure;
  return 0;
}
