/**
 * Where the markup guard's hits came from, so the report says what to fix. Pure.
 *
 * - In a paper's notes (the page's notes container): the user's own MDX, `content/papers/<slug>.mdx`.
 * - In a formula: KaTeX's rendering of an entry's TeX, so that entry's text.
 * - Elsewhere, the same markup on every checked page of the same kind (all paper pages, all
 *   day pages…): a template under src/, since only the page itself is common to them all.
 * - Elsewhere, on some pages of a kind and not on others: entry text those pages show, which a
 *   template let through unescaped. With a single page of its kind checked (an incremental
 *   build), the two cannot be told apart, and the report says so.
 */
import type { ForeignMarkup } from './find-foreign-markup.ts';

/** Where a hit came from. */
export type MarkupOrigin = 'notes' | 'entry' | 'template' | 'unsure';

/** One checked page and what the guard found on it (maybe nothing). */
export interface GuardedPage {
  /** The page file, relative to the site's folder, `/`-separated. */
  readonly file: string;
  readonly hits: readonly ForeignMarkup[];
}

/** A hit, with where it came from, as one line of the report. */
export interface ExplainedHit {
  readonly origin: MarkupOrigin;
  /** `<page file>:<line>: <what>, <where it came from>`. */
  readonly text: string;
}

/** What to do about each origin, in the report's order. */
const HINTS: Readonly<Record<MarkupOrigin, string>> = {
  notes:
    'In notes: notes may hold Markdown and plain HTML, but no scripts, event attributes (on…=), javascript: URLs or frames; take it out of the paper file named.',
  entry:
    'From entry text: entry text is always escaped, so a template let it through as markup; report it, naming the paper file and the page.',
  template:
    'From a template: every page of that kind has it, so a template under src/ (pages/, layouts/, components/) writes it; fix the template.',
  unsure:
    "Template or entry: no other page of that kind was checked to compare with; look at the page's template under src/ and at the entry text it shows.",
};

/** The kind of page `file` is, as a pattern: `papers/*\/index.html`; a page with no variable part is its own kind. */
export function pageKind(file: string): string {
  const parts = file.split('/');
  return parts.length <= 2 ? file : [parts[0], ...parts.slice(1, -1).map(() => '*'), parts.at(-1)].join('/');
}

/** The paper file a paper page shows, named as under `papers`; null for other pages. */
function paperFile(file: string, papers: string): string | null {
  const slug = /^papers\/([^/]+)\/index\.html$/.exec(file)?.[1];
  return slug === undefined ? null : `${papers}/${slug}.mdx`;
}

/**
 * Each hit of `pages` with where it came from, in page order. `pages` are every page checked,
 * those without hits too: they count when telling a template's markup from an entry's.
 * `papers` names the folder of paper files (default `content/papers`).
 */
export function explainHits(pages: readonly GuardedPage[], papers = 'content/papers'): ExplainedHit[] {
  // How many pages of each kind were checked, and how many have each piece of markup outside notes and formulas.
  const pagesOfKind = new Map<string, number>();
  const pagesWith = new Map<string, number>();
  for (const { file, hits } of pages) {
    const kind = pageKind(file);
    pagesOfKind.set(kind, (pagesOfKind.get(kind) ?? 0) + 1);
    for (const what of new Set(hits.filter((hit) => hit.region === 'page').map((hit) => hit.what))) {
      pagesWith.set(`${kind}\0${what}`, (pagesWith.get(`${kind}\0${what}`) ?? 0) + 1);
    }
  }
  return pages.flatMap(({ file, hits }) => {
    const kind = pageKind(file);
    const paper = paperFile(file, papers);
    return hits.map((hit): ExplainedHit => {
      const at = `${file}:${hit.line}: ${hit.what}`;
      if (hit.region === 'notes') return { origin: 'notes', text: `${at}, in the notes of ${paper ?? 'this page'}` };
      if (hit.region === 'formula')
        return { origin: 'entry', text: `${at}, in a formula from the TeX of ${paper ?? 'an entry this page shows'}` };
      const on = paper ? ` (${paper})` : '';
      const checked = pagesOfKind.get(kind)!;
      if (checked === 1) return { origin: 'unsure', text: `${at}, from this page's template under src/ or from entry text on it${on}` };
      if (pagesWith.get(`${kind}\0${hit.what}`) === checked)
        return { origin: 'template', text: `${at}, from a template under src/, the page itself: every page like ${kind} has it` };
      return { origin: 'entry', text: `${at}, from entry text on this page${on}: other pages like ${kind} lack it` };
    });
  });
}

/** The guard's report: every hit (at most `limit` of them listed), a hint for each origin found, and the verdict. */
export function guardReport(hits: readonly ExplainedHit[], limit = 50): string {
  const listed = hits.slice(0, limit).map((hit) => `  ${hit.text}`);
  if (hits.length > limit) listed.push(`  … and ${hits.length - limit} more`);
  const origins = new Set(hits.map((hit) => hit.origin));
  const hints = (Object.keys(HINTS) as MarkupOrigin[]).filter((origin) => origins.has(origin)).map((origin) => HINTS[origin]);
  return ['The built pages contain markup that could run code:', ...listed, ...hints, 'The build is stopped; nothing was published.'].join(
    '\n',
  );
}
