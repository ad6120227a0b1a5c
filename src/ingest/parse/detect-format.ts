import { extname } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { tooDeepAt } from './json-depth.ts';

/** The source formats Papershelf reads. */
export const FORMATS = ['jsonl', 'json', 'hf-daily-papers', 'arxiv-atom', 'bibtex', 'trending-page'] as const;
/** One of the source formats. */
export type Format = (typeof FORMATS)[number];

/**
 * How many characters of a file the content checks look at: enough for any first element or
 * header. Detection never looks further, so a prefix this long decides as the whole text does.
 */
export const SNIFF = 64 * 1024;

/**
 * True when an item of the JSON's top-level array holds a `paper` object (the daily-papers
 * API). Any item, not just the first, so one damaged item does not send the file to the wrong parser.
 */
function looksLikeDailyPapers(text: string): boolean {
  // jsonc-parser tolerates the cut, so a prefix is enough and a huge file is not parsed twice.
  const prefix = text.slice(0, SNIFF);
  if (tooDeepAt(prefix) !== -1) return false;
  const root = parseTree(prefix);
  if (root?.type !== 'array') return false;
  return (root.children ?? []).some(
    (item) =>
      item.type === 'object' &&
      (item.children ?? []).some((property) => property.children?.[0]?.value === 'paper' && property.children[1]?.type === 'object'),
  );
}

/**
 * True when `head` starts, after white space and comments, with an XML declaration or a
 * `<feed` tag. A loop, not `/^(?:\s|<!--[^]*?-->)*<…/`: that expression tries every way of
 * reading the comments as one another's parts, exponential in their number.
 */
function looksLikeXml(head: string): boolean {
  let i = 0;
  for (;;) {
    while (i < head.length && /\s/.test(head[i]!)) i += 1;
    if (!head.startsWith('<!--', i)) break;
    const end = head.indexOf('-->', i + 4);
    if (end === -1) return false;
    i = end + 3;
  }
  return head.startsWith('<?xml', i) || /^<feed[\s>]/.test(head.slice(i, i + 6));
}

/**
 * Picks a file's format: by extension first (`.jsonl`/`.ndjson`, `.json`, `.bib`,
 * `.atom`/`.xml`, `.txt`), then by content. A JSON array with items holding a `paper`
 * object is a daily-papers response; XML (`<?xml`, `<feed`) is an arXiv feed; `@type{` is
 * BibTeX; lines of objects are JSON Lines. Returns null when nothing decides, so the caller
 * can ask for `--format`.
 */
export function detectFormat(file: string, text: string): Format | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return looksLikeDailyPapers(text) ? 'hf-daily-papers' : 'json';
  if (ext === '.bib') return 'bibtex';
  if (ext === '.atom' || ext === '.xml') return 'arxiv-atom';
  if (ext === '.txt') return 'trending-page';
  const head = text.slice(0, SNIFF).replace(/^\uFEFF/, '');
  // Comments may precede the XML declaration or the root element.
  if (looksLikeXml(head)) return 'arxiv-atom';
  const lines = head
    .split('\n', 50)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const first = lines[0] ?? '';
  if (first.startsWith('{') && first.endsWith('}') && (lines[1] ?? '{').startsWith('{')) return 'jsonl';
  if (first.startsWith('[') || first.startsWith('{')) return looksLikeDailyPapers(text) ? 'hf-daily-papers' : 'json';
  // BibTeX ignores text outside entries, so an entry may come after comments or notes.
  if (/^[ \t]*@[A-Za-z]+[ \t]*[{(]/m.test(head)) return 'bibtex';
  return null;
}
