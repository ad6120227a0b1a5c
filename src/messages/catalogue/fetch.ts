/** What `papershelf fetch` says: its own mistakes, the servers' failures, and the files it will not replace (src/fetch/). */
import { displayPath, quote } from '../errors.ts';
import type { Message } from '../message.ts';

// The command: what to fetch, and the flags that say which days or which query.

/** `papershelf fetch` without saying what. */
export const FetchNeedsSource = {
  name: 'FetchNeedsSource',
  message: 'fetch: name what to fetch',
  hint: '`papershelf fetch hf` (Hugging Face daily papers) or `papershelf fetch arxiv --query …`',
  joiner: ', ',
} satisfies Message;

/** `papershelf fetch <source>` with a source it does not know; `near` is the nearest one, when one is near. */
export const FetchUnknownSource = {
  name: 'FetchUnknownSource',
  message: (source: string, near?: string) => `fetch: unknown source ${quote(source)}${near ? `; did you mean \`${near}\`?` : ''}`,
  hint: 'it fetches `hf` (Hugging Face daily papers) or `arxiv` (the arXiv API)',
  joiner: ' — ',
} satisfies Message<[source: string, near?: string]>;

/** A flag of one source given to the other (`--query` to `fetch hf`). */
export const FetchOptionNotFor = {
  name: 'FetchOptionNotFor',
  message: (option: string, source: string) => `fetch ${source}: \`--${option}\` is not one of its options`,
  hint: 'fetch hf takes --date or --from/--to; fetch arxiv takes --query, --since, --max and --arxiv-endpoint',
} satisfies Message<[option: string, source: string]>;

/** `--from`, `--to` or `--since` is not a day. */
export const FetchNotADay = {
  name: 'FetchNotADay',
  message: (option: string, value: string) => `--${option}: ${quote(value)} is not a day`,
  hint: 'as YYYY-MM-DD',
  joiner: ' ',
} satisfies Message<[option: string, value: string]>;

/** `--date` together with `--from` or `--to`. */
export const FetchDatesConflict = {
  name: 'FetchDatesConflict',
  message: 'fetch hf: `--date` names one day, `--from`/`--to` a range',
  hint: 'give one or the other',
} satisfies Message;

/** `--to` without `--from`. */
export const FetchToNeedsFrom = {
  name: 'FetchToNeedsFrom',
  message: (to: string) => `fetch hf: \`--to ${to}\` needs \`--from\``,
  hint: (to) => `name the first day too, e.g. \`--from ${to} --to ${to}\``,
} satisfies Message<[to: string]>;

/** `--from` after `--to`. */
export const FetchRangeBackwards = {
  name: 'FetchRangeBackwards',
  message: (from: string, to: string) => `fetch hf: \`--from ${from}\` is after \`--to ${to}\``,
  hint: 'swap them',
} satisfies Message<[from: string, to: string]>;

/** A range of more days than one run fetches. */
export const FetchRangeTooLong = {
  name: 'FetchRangeTooLong',
  message: (from: string, to: string, max: number) => `fetch hf: ${from} to ${to} is more than ${max} days`,
  hint: 'fetch it in parts of a year or less, one run after another',
} satisfies Message<[from: string, to: string, max: number]>;

/** `--max` is not a whole number of entries. */
export const FetchMaxNotANumber = {
  name: 'FetchMaxNotANumber',
  message: (value: string) => `--max: ${quote(value)} is not a number of entries`,
  hint: 'a whole number from 1, e.g. `--max 200`',
} satisfies Message<[value: string]>;

/** An API address (`--arxiv-endpoint`, `HF_ENDPOINT`) that is not an http(s) URL. */
export const FetchEndpointNotUrl = {
  name: 'FetchEndpointNotUrl',
  message: (from: string, value: string) => `${from}: ${quote(value)} is not an http(s) address`,
  hint: (_from, _value, example) => `e.g. \`${example}\``,
} satisfies Message<[from: string, value: string, example: string]>;

/** `fetch arxiv` with no `--query` and none in the config file. */
export const FetchNeedsQuery = {
  name: 'FetchNeedsQuery',
  message: 'fetch arxiv: no query',
  hint: 'pass one, e.g. `--query "cat:cs.LG"`, or list them under `fetch.arxiv.queries` in the config file',
} satisfies Message;

// The servers: a request that failed for good, and what the APIs answered (src/fetch/).

/** A request that failed after every try (`tries`) or at once; `what` is the day or query, `nothing` what was left unwritten. */
export const FetchFailed = {
  name: 'FetchFailed',
  message: (what: string, url: string, reason: string, tries: number) =>
    `${what}: ${url}: ${reason}${tries > 1 ? ` after ${tries} tries` : ''}`,
  hint: (_what, _url, _reason, _tries, nothing) => `nothing written for ${nothing} — try again later`,
} satisfies Message<[what: string, url: string, reason: string, tries: number, nothing: string]>;

/** A request the server refused (a 4xx other than 429): trying again would not help. */
export const FetchRefused = {
  name: 'FetchRefused',
  message: (what: string, url: string, reason: string) => `${what}: ${url}: ${reason}`,
  hint: (_what, _url, _reason, nothing, check) => `nothing written for ${nothing}; check ${check}`,
} satisfies Message<[what: string, url: string, reason: string, nothing: string, check: string]>;

/** The arXiv API answered a query with its error entry. */
export const ArxivQueryRejected = {
  name: 'ArxivQueryRejected',
  message: (query: string, reason: string) => `fetch arxiv ${quote(query)}: the arXiv API refused the query: ${reason}`,
  hint: 'check its syntax (https://info.arxiv.org/help/api/user-manual.html#query_details)',
} satisfies Message<[query: string, reason: string]>;

// What is on disk: the files fetch writes, and the ones it will not touch.

/** A file at the name fetch writes that Papershelf did not make. */
export const FetchFileNotOurs = {
  name: 'FetchFileNotOurs',
  message: (what: string, file: string) => `${what}: ${quote(displayPath(file), 120)} is not a daily-papers file`,
  hint: 'Papershelf never replaces a file it did not write; move it aside, then fetch again',
} satisfies Message<[what: string, file: string]>;

/** A day with no papers listed (a weekend, a holiday, or a day not yet begun at Hugging Face). */
export const FetchDayEmpty = {
  name: 'FetchDayEmpty',
  message: (day: string) => `fetch hf ${day}: no papers listed`,
  hint: 'nothing written for that day',
} satisfies Message<[day: string]>;

/** A day whose listing lacks papers its stored file has: they are kept. */
export const FetchDayShrunk = {
  name: 'FetchDayShrunk',
  message: (day: string, missing: number, file: string) =>
    `fetch hf ${day}: warning: ${missing} ${missing === 1 ? 'paper' : 'papers'} of ${quote(displayPath(file), 120)} no longer listed`,
  hint: 'kept in the file (a day only gains papers); delete the file and fetch again to take the listing as it is',
} satisfies Message<[day: string, missing: number, file: string]>;

/** A query that brought no entries. */
export const ArxivNothingFound = {
  name: 'ArxivNothingFound',
  message: (query: string) => `fetch arxiv ${quote(query)}: no entries`,
  hint: 'nothing written for that query; check it, or `--since`',
} satisfies Message<[query: string]>;

/** A word after the source (`fetch hf 2026-12-05`): days and queries are flags. */
export const FetchExtraArgument = {
  name: 'FetchExtraArgument',
  message: (source: string, argument: string) => `fetch ${source}: unexpected ${quote(argument)}`,
  hint: 'days and queries are given by flags: `--date`, `--from`/`--to`, `--query`',
} satisfies Message<[source: string, argument: string]>;
