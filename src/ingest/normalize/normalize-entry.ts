/**
 * Raw entry → validated `Entry`: text cleaned, URLs allow-listed, empty values unified, then
 * checked against the one schema. Every change and every rejection becomes a `Problem`.
 */
import {
  ADDRESS_FIELD,
  DATE_OR_PUBLISHED,
  ENTRY_FIELDS,
  LIMITS,
  MAX_ASKED_SLUG,
  PUBLICATION_FIELDS,
  SLUG,
  entrySchema,
  isDated,
  type Entry,
} from '../../schema/paper.ts';
import { normalizeUrl } from '../../schema/safe-url.ts';
import { quote, type Problem } from '../../messages/errors.ts';
import type { RawEntry } from '../parse/raw-entry.ts';
import { cleanText } from './clean-text.ts';
import { normalizeDoi } from './normalize-doi.ts';
import { normalizePages } from './normalize-pages.ts';

/** A valid entry and the place it came from. */
export interface LocatedEntry {
  readonly entry: Entry;
  readonly file: string;
  readonly line: number;
  /** The address the entry asks for (`ADDRESS_FIELD`), when it gave a valid one. */
  readonly askedSlug?: string | undefined;
}

/** The outcome for one raw entry: the entry when valid, and its problems either way. */
export interface NormalizeResult {
  readonly entry: LocatedEntry | null;
  readonly problems: Problem[];
  /** Field names this entry had that the format does not know (warned once per run by the caller). */
  readonly unknownFields: string[];
}

const SINGLE_LINE = new Set(['id', 'title', 'date', 'published', 'doi', 'url', 'code_url', ...PUBLICATION_FIELDS]);
const URL_FIELDS = ['url', 'code_url', 'project_url', 'hf_url'] as const;

/** The characters a field (an item, for lists) may keep; fields the schema does not limit get the abstract's cap. */
const CHARS: Readonly<Record<string, number>> = {
  title: LIMITS.titleChars,
  abstract: LIMITS.abstractChars,
  authors: LIMITS.authorChars,
  tags: 80,
  doi: 300,
  venue: LIMITS.venueChars,
  publisher: LIMITS.publisherChars,
  volume: LIMITS.numberChars,
  issue: LIMITS.numberChars,
  pages: LIMITS.numberChars,
  citekey: LIMITS.citekeyChars,
};
const capOf = (field: string) => CHARS[field] ?? LIMITS.abstractChars;

/**
 * True when `text` is too long to be worth cleaning: more than twice what its field may keep.
 * Cleaning only removes characters (white space, controls, marks), so such text could never
 * pass; refusing it unread keeps every later step, regular expressions included, small.
 */
const overCap = (field: string, text: string) => text.length > 2 * capOf(field);
const overCapReason = (field: string, text: string) =>
  `longer than ${capOf(field)} characters (${text.length} as given; refused before cleaning, shorten it)`;

/**
 * Cleans one value: strings through `cleanText`, arrays of strings item by item (empty items
 * dropped). Text over twice its cap is refused first (`refuse`), and the value then left out.
 */
function cleanValue(
  field: string,
  value: unknown,
  note: (reason: string) => void,
  refuse: (field: string, reason: string) => void,
): unknown {
  const clean = (text: string, singleLine: boolean) => {
    const cleaned = cleanText(text, { singleLine });
    cleaned.changes.forEach(note);
    return cleaned.value;
  };
  if (typeof value === 'string') {
    if (overCap(field, value)) {
      refuse(field, overCapReason(field, value));
      return null;
    }
    const cleaned = clean(value, SINGLE_LINE.has(field));
    return cleaned === '' ? null : cleaned;
  }
  if (!Array.isArray(value)) return value;
  const long = value.findIndex((item: unknown) => typeof item === 'string' && overCap(field, item));
  if (long !== -1) {
    refuse(`${field}.${long}`, overCapReason(field, value[long] as string));
    return null;
  }
  const items = value.map((item: unknown) => (typeof item === 'string' ? clean(item, true) : item));
  const kept = items.filter((item) => item !== '');
  if (kept.length < items.length) note(`dropped ${items.length - kept.length} empty item(s)`);
  return kept;
}

/** The UTC day after today: listing days past it are implausible (time zones allow one day ahead). */
function tomorrow(): string {
  return new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
}

/** `arXiv:2501.00663v2` → `2501.00663`: the version and prefix are not part of the identity. */
function normalizeArxivId(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value.replace(/^arxiv:\s*/i, '').replace(/v\d+$/, '');
}

/** Normalises and validates one raw entry. Pure. */
export function normalizeEntry(raw: RawEntry): NormalizeResult {
  const problems: Problem[] = [];
  const at = (field: string, reason: string, severity: Problem['severity'] = 'error') =>
    problems.push({ severity, file: raw.file, line: raw.line, field, reason });

  const unknownFields = Object.keys(raw.fields).filter((key) => !ENTRY_FIELDS.has(key) && key !== ADDRESS_FIELD);
  const askedSlug = askedSlugOf(raw.fields[ADDRESS_FIELD], (reason) => at(ADDRESS_FIELD, reason, 'warning'));
  const candidate: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) {
    let value = cleanValue(
      field,
      raw.fields[field],
      (reason) => at(field, reason, 'warning'),
      (where, reason) => at(where, reason),
    );
    if (value === null || value === undefined) continue;
    if (field === 'id') value = normalizeArxivId(value);
    if (field === 'doi' && typeof value === 'string') value = normalizeDoi(value);
    if (field === 'pages' && typeof value === 'string') value = normalizePages(value);
    // Volumes and issues are often numbers in JSON; they are kept as text (`12`, `S1`, `3-4`).
    if ((field === 'volume' || field === 'issue') && typeof value === 'number' && Number.isInteger(value)) value = String(value);
    candidate[field] = value;
  }

  for (const field of URL_FIELDS) {
    const value = candidate[field];
    if (typeof value !== 'string') continue;
    const safe = normalizeUrl(value);
    if (safe === null) {
      at(field, `${quote(value)} is not allowed: links must be absolute http(s) URLs (or doi:…)`);
      delete candidate[field];
    } else {
      candidate[field] = safe;
      // An internationalised host can imitate another one letter for letter; say so.
      if (/(?:^|\.)xn--/.test(new URL(safe).hostname))
        at(field, `the host ${new URL(safe).hostname} is internationalised; check it is the site it looks like`, 'warning');
    }
  }

  // A very long author list is cut, not rejected: the paper is still worth listing.
  const authors = candidate['authors'];
  if (Array.isArray(authors) && authors.length > LIMITS.authors) {
    at('authors', `kept the first ${LIMITS.authors} of ${authors.length} authors`, 'warning');
    candidate['authors'] = authors.slice(0, LIMITS.authors);
  }
  if (problems.some((problem) => problem.severity === 'error')) return { entry: null, problems, unknownFields };

  const parsed = entrySchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.length > 0 ? issue.path.map(String).join('.') : 'entry';
      const missing = issue.code === 'invalid_type' && issue.path.length === 1 && candidate[String(issue.path[0])] === undefined;
      at(field, missing ? 'missing' : issue.message);
    }
    if (candidate['date'] === undefined && candidate['published'] === undefined) at('date', DATE_OR_PUBLISHED);
    return { entry: null, problems, unknownFields };
  }
  // A listing day or a publication year: with neither, the paper would belong to no page.
  if (!isDated(parsed.data)) {
    at('date', DATE_OR_PUBLISHED);
    return { entry: null, problems, unknownFields };
  }
  if (parsed.data.abstract === '') at('abstract', 'empty; the page will say "No abstract available"', 'info');
  if (parsed.data.date !== null && parsed.data.date > tomorrow())
    at('date', `${parsed.data.date} is in the future; check the source`, 'warning');
  const located = { entry: parsed.data, file: raw.file, line: raw.line };
  return { entry: askedSlug === null ? located : { ...located, askedSlug }, problems, unknownFields };
}

/**
 * The address an entry asks for, or null for none. One that Papershelf could not give is no
 * reason to refuse the paper, which gets an address of its own: a warning says so.
 */
function askedSlugOf(value: unknown, warn: (reason: string) => void): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'string' && value.length <= MAX_ASKED_SLUG && SLUG.test(value)) return value;
  const shown = typeof value === 'string' ? quote(value) : `a ${Array.isArray(value) ? 'list' : typeof value}`;
  warn(
    `${shown} is not an address Papershelf gives (a-z, 0-9, dots and hyphens, at most ${MAX_ASKED_SLUG} characters); ignored, the paper gets its own`,
  );
  return null;
}
