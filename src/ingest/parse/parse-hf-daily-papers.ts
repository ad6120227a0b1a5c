/**
 * The Hugging Face Daily Papers API response (`/api/daily_papers`): a JSON array whose items
 * wrap a `paper` object (`id`, `title`, `summary`, `authors[].name`, `publishedAt`, `upvotes`,
 * `githubRepo`, `submittedOnDailyAt`) with the listing's own fields (`publishedAt`, `title`,
 * `summary`, `numComments`, `submittedBy`, …).
 *
 * The listing day, first found: the file's day (`--date`, else the `YYYY-MM-DD` in the name a
 * fetcher gives each day's response, `hf-daily-papers-2025-03-19.json`), the paper's
 * `submittedOnDailyAt`, the item's top-level `publishedAt` (which can be arXiv's time, days earlier).
 */
import { getNodeValue, parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Problem } from '../../messages/errors.ts';
import { hfPaperUrl, unexpectedFields } from './hf-fields.ts';
import { tooDeepAt } from './json-depth.ts';
import { parseNativeJson } from './parse-native-json.ts';
import type { ParseOptions, ParseResult, RawEntry } from './raw-entry.ts';
import { lineAt, lineStarts } from './text-position.ts';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value);

/** The `YYYY-MM-DD` an ISO timestamp is written with, offset ignored: shifting it to UTC would move late-evening listings to the next day. */
function dayAsWritten(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return /^\d{4}-\d{2}-\d{2}(?:$|T)/.test(value) ? value.slice(0, 10) : value;
}

/**
 * Author names from `[{name, …}]`. An author object without a name becomes `""`, which
 * normalisation drops with a warning (the paper stays); anything else is passed on for the
 * schema to reject.
 */
function authorNames(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  return value.map((author: unknown) => {
    if (!isObject(author)) return author;
    return typeof author['name'] === 'string' ? author['name'] : '';
  });
}

/** The native fields of one daily-papers item. */
function toFields(item: Json, paper: Json, options: ParseOptions): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    id: paper['id'],
    title: paper['title'] ?? item['title'],
    abstract: paper['summary'] ?? item['summary'],
    authors: authorNames(paper['authors']),
    // See the module comment for the order; the paper's own publishedAt is arXiv's, not a listing day.
    date: options.date ?? dayAsWritten(item['submittedOnDailyAt'] ?? paper['submittedOnDailyAt']) ?? dayAsWritten(item['publishedAt']),
    published: dayAsWritten(paper['publishedAt']),
    // Upvotes are the paper's; an item that carries its own (older responses) stands in.
    upvotes: paper['upvotes'] ?? item['upvotes'],
    code_url: paper['githubRepo'],
    project_url: paper['projectPage'],
    hf_url: hfPaperUrl(paper['id']),
  };
  // `ai_keywords` are not mapped to tags: they are machine-generated per paper, noisy and
  // unbounded, and tags are for the user's own vocabulary (auto-tagging derives the rest).
  for (const key of Object.keys(fields)) if (fields[key] === undefined) delete fields[key];
  return fields;
}

/** One entry from an array element, or a problem when the element is not a daily-papers item. */
function toEntry(node: Node, file: string, line: number, options: ParseOptions): RawEntry | Problem {
  const item: unknown = getNodeValue(node);
  const problem = (reason: string): Problem => ({ severity: 'error', file, line, field: 'entry', reason });
  if (!isObject(item))
    return problem(
      `expected a daily-papers item (an object with a "paper" object), found ${item === null ? 'null' : Array.isArray(item) ? 'an array' : typeof item}`,
    );
  const paper = item['paper'];
  if (!isObject(paper))
    return problem(`expected a "paper" object in this item, found ${paper === undefined ? 'none' : JSON.stringify(paper).slice(0, 40)}`);
  return { file, line, fields: toFields(item, paper, options) };
}

/** Parses a Hugging Face daily-papers response; each entry is located where its array element starts. */
export function parseHfDailyPapers(text: string, file: string, options: ParseOptions): ParseResult {
  // Too deep to parse: reported as for native JSON.
  if (tooDeepAt(text) !== -1) return parseNativeJson(text, file);
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
  // Syntax errors are reported exactly as for native JSON, which shares the strict parser.
  if (errors.length > 0 || !root) return parseNativeJson(text, file);
  if (root.type !== 'array') {
    return {
      entries: [],
      problems: [{ severity: 'error', file, line: 1, field: 'file', reason: 'expected the JSON array the daily-papers API returns' }],
    };
  }
  const starts = lineStarts(text);
  const entries: RawEntry[] = [];
  const problems: Problem[] = [];
  const unexpectedSeen = new Set<string>();
  for (const node of root.children ?? []) {
    const result = toEntry(node, file, lineAt(starts, node.offset), options);
    if ('fields' in result) entries.push(result);
    else problems.push(result);
    // A field neither kept nor known to be the listing's own is said once per file, where it first appears.
    for (const { name, offset } of unexpectedFields(node).filter((field) => !unexpectedSeen.has(field.name))) {
      unexpectedSeen.add(name);
      const reason = 'not kept: a field this archive does not know, so it is ignored (said once per field in this file)';
      problems.push({ severity: 'warning', file, line: lineAt(starts, offset), field: name.slice(0, 60), reason });
    }
  }
  return { entries, problems };
}
