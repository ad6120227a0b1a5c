/**
 * What is wrong with a config file, one line per problem: the key's path, the shape it expects
 * with an example, and what it found (`papershelf.config.mjs: themeColor: expected a CSS colour
 * such as #1d5fc9, found "blu"`), or for an unknown key the nearest known one. Pure.
 */
import type { z } from 'astro/zod';
import { nearestWord } from '../cli/nearest-word.ts';
import type { UserError } from '../messages/errors.ts';
import { userError } from '../messages/message.ts';
import { ConfigKeyUnknown, ConfigValueInvalid } from '../messages/messages.ts';
import { configSchema, HEAD_TAGS, SHOW_ALL } from './config-schema.ts';

/** The shape each key expects, by its path with list positions as `[]`. */
const EXPECTED: Record<string, string> = {
  '': 'an object, as in `export default defineConfig({ title: "My papers" })`',
  title: 'a non-empty string such as "My papers"',
  description: 'a non-empty string such as "Papers on retrieval, read weekly"',
  site: 'a public origin such as "https://example.org"',
  base: 'a path such as "/papers/"',
  accentColor: 'a CSS colour such as #1d5fc9',
  themeColor: 'a CSS colour such as #1d5fc9',
  logo: 'a file path relative to the config file, such as "logo.svg"',
  favicon: 'a file path relative to the config file, such as "favicon.svg"',
  head: 'a list of elements such as [{ tag: "script", attrs: { src: "https://…/script.js", defer: true } }]',
  'head[]': 'an element such as { tag: "meta", attrs: { name: "…", content: "…" } }',
  'head[].tag': `one of ${HEAD_TAGS.map((tag) => `"${tag}"`).join(', ')}`,
  'head[].attrs':
    'attributes such as { src: "https://…", defer: true }: names of letters, digits and -, values strings, numbers or booleans',
  'head[].content': 'the text of a script or style (none for link and meta), without "</script", "</style" or "<!--"',
  footer: 'a string of plain text such as "Kept by the reading group"',
  taxonomies: 'a file path relative to the config file, such as "content/taxonomies.yaml"',
  content: 'a folder path relative to the config file, such as "content"',
  show: 'an object such as { upvotes: false, relatedPapers: true }',
  ...Object.fromEntries(Object.keys(SHOW_ALL).map((key) => [`show.${key}`, 'true or false'])),
  fetch: 'an object such as { hf: { days: 7 }, arxiv: { queries: ["cat:cs.CL"], max: 200 } }',
  'fetch.hf': 'an object such as { days: 7 }',
  'fetch.hf.days': 'a whole number of days, at least 1, such as 7',
  'fetch.arxiv': 'an object such as { queries: ["cat:cs.CL"], max: 200 }',
  'fetch.arxiv.queries': 'a list of arXiv queries such as ["cat:cs.CL"]',
  'fetch.arxiv.queries[]': 'a non-empty arXiv query such as "cat:cs.CL"',
  'fetch.arxiv.max': 'a whole number of entries, at least 1, such as 200',
};

/** The keys each object knows, by its path with list positions as `[]`. */
const KNOWN: Record<string, readonly string[]> = {
  '': Object.keys(configSchema.shape),
  'head[]': ['tag', 'attrs', 'content'],
  show: Object.keys(SHOW_ALL),
  fetch: ['hf', 'arxiv'],
  'fetch.hf': ['days'],
  'fetch.arxiv': ['queries', 'max'],
};

type Path = readonly PropertyKey[];

/** `head[0].attrs` → `head[].attrs`: the key a path's shape is described under. */
const shapeKey = (path: Path): string =>
  path
    .map((part) => (typeof part === 'number' ? '[]' : `.${String(part)}`))
    .join('')
    .replace(/^\./, '');

/** `head[0].attrs`: a path as the user writes it; the whole file when empty. */
const shownKey = (path: Path): string =>
  path
    .map((part) => (typeof part === 'number' ? `[${part}]` : `.${String(part)}`))
    .join('')
    .replace(/^\./, '') || '(the default export)';

/** The description of the nearest described key at or above `path`. */
function expectedAt(path: Path): string {
  for (let length = path.length; length >= 0; length -= 1) {
    const described = EXPECTED[shapeKey(path.slice(0, length))];
    if (described) return described;
  }
  return EXPECTED['']!;
}

/** The value at `path` of `value`. */
function valueAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>(
    (at, part) => (at !== null && typeof at === 'object' ? (at as Record<PropertyKey, unknown>)[part] : undefined),
    value,
  );
}

/** How a found value reads in a message: JSON, cut short. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'function') return 'a function';
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/** One error, of one line, per problem zod found in `input`, the default export of `file`. */
export function configProblems(file: string, input: unknown, issues: readonly z.core.$ZodIssue[]): UserError[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const known = KNOWN[shapeKey(issue.path)] ?? [];
      return issue.keys.map((key) => userError(ConfigKeyUnknown, file, shownKey([...issue.path, key]), nearestWord(key, known)));
    }
    // A record's key (an attribute name) is reported at the record, a refinement of a whole element at the element.
    const path = issue.code === 'invalid_key' ? issue.path.slice(0, -1) : issue.path;
    const key = issue.code === 'invalid_key' ? issue.path : path;
    return [userError(ConfigValueInvalid, file, shownKey(key), expectedAt(path), shown(valueAt(input, key)))];
  });
}
