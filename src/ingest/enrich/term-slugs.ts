/**
 * Term addresses for labels written by hand (a paper's `tags`): the one place such a label
 * becomes a URL segment, asked by enrichment, by the archive (src/site/archive/build-archive.ts) and by
 * the ingest's report, so links, term pages, feeds and sitemaps all agree. Pure.
 *
 * - A label's slug is the readable slug of its words, made as a paper title's
 *   (`Machine Learning` → `machine-learning`), with `+`, `&`, `@` and a `#` after a letter
 *   spelled out: `C`, `C++` and `C#` are `c`, `c-plus-plus` and `c-sharp`.
 * - Labels equal up to case, accents and invisible characters (`BERT`, `Bert`; `café`, `cafe`)
 *   are one term, headed by the spelling most papers use (ties: the first in string order).
 * - Other labels never share a slug. When two would, the one written as the slug itself keeps
 *   it (`machine-learning`), else the first in string order of their folded forms; the other
 *   gets a hyphen and 4 hex digits of a hash of its folded form (`machine-learning-3fa2`):
 *   the same on every run, whatever order the labels came in.
 * - A label with no letters or digits a URL can spell (`???`, `数学`) is `tag-` and 8 hex
 *   digits of that hash; a Windows device name (`con`, `nul`) always gets the suffix.
 */
import { createHash } from 'node:crypto';
import { isWindowsDevice } from '../../schema/reserved-names.ts';
import { slugifyTitle } from './make-slugs.ts';

/** Invisible characters that must not make two labels differ: zero-width spaces and joiners, soft hyphen, bidi controls, BOM. */
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
/** Accents: the combining marks of Latin, Greek and Cyrillic letters, not the vowel signs of other scripts (which make other words). */
const ACCENTS = /[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]/g;
/** Symbols that tell labels apart (`C` / `C++` / `C#`), spelled as words; any other symbol only separates words. */
const SPELLED: readonly (readonly [RegExp, string])[] = [
  [/\+/g, ' plus '],
  [/&/g, ' and '],
  [/@/g, ' at '],
  [/(?<=\p{L})#/gu, ' sharp '],
];
/** Hex digits of the hash that set apart a label whose slug another label has. */
const SUFFIX_DIGITS = 4;
/** Hex digits of the hash that make the slug of a label with nothing to spell. */
const FALLBACK_DIGITS = 8;

/**
 * Why a term's slug is what it is: `own`, the slug of its words; `taken`, another label
 * (`takenBy`) has that slug, so a suffix sets this one apart; `device`, its words spell a
 * Windows device name, so a suffix too; `empty`, it has no letters or digits a URL can spell,
 * so the slug is made of its hash.
 */
export type SlugCause = 'own' | 'taken' | 'device' | 'empty';

/** One term: the labels that share it (variants up to case and accents) and its slug. */
export interface LabelTerm {
  readonly slug: string;
  /** The label the term's page is headed by. */
  readonly label: string;
  /** Every label of the term, the heading first, then in string order. */
  readonly labels: readonly string[];
  /** The slug of its words (what it would have had alone, but for a device name or an empty slug). */
  readonly wanted: string;
  readonly cause: SlugCause;
  /** For `taken`: the heading label of the term that has `wanted`. */
  readonly takenBy?: string;
}

/** The slugs of a set of labels. */
export interface TermSlugs {
  /** The slug of each label given. */
  readonly slugOf: ReadonlyMap<string, string>;
  /** The terms, by slug, in string order of their slugs. */
  readonly terms: ReadonlyMap<string, LabelTerm>;
}

/** A label folded to what tells labels apart: case, accents and invisible characters dropped, NFC. */
export function foldLabel(label: string): string {
  return label.replace(INVISIBLE, '').normalize('NFD').replace(ACCENTS, '').toLowerCase().normalize('NFC');
}

/** The slug of a folded label's words, `''` when it has none a URL can spell. */
function wordsSlug(folded: string): string {
  let text = folded.normalize('NFKD');
  for (const [symbol, word] of SPELLED) text = text.replace(symbol, word);
  return slugifyTitle(text);
}

const hexOf = (folded: string): string => createHash('sha256').update(folded).digest('hex');

const byString = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The slugs of `labels`, given as label → the number of papers that use it (which decides the
 * heading of labels that share a term). The outcome depends on the set of labels and their
 * counts only, never on their order.
 */
export function termSlugs(labels: ReadonlyMap<string, number>): TermSlugs {
  // 1. Group the variants of one label, and pick the heading of each group.
  const groups = new Map<string, string[]>();
  for (const label of labels.keys()) {
    const folded = foldLabel(label);
    const group = groups.get(folded);
    if (group) group.push(label);
    else groups.set(folded, [label]);
  }
  const uses = (label: string) => labels.get(label) ?? 0;
  const candidates = [...groups].map(([folded, members]) => {
    members.sort((a, b) => uses(b) - uses(a) || byString(a, b));
    const [label, ...rest] = members as [string, ...string[]];
    const words = wordsSlug(folded);
    const wanted = words || `tag-${hexOf(folded).slice(0, FALLBACK_DIGITS)}`;
    const cause: SlugCause = words === '' ? 'empty' : isWindowsDevice(words) ? 'device' : 'own';
    return { folded, wanted, cause, label, labels: [label, ...rest.sort(byString)] };
  });

  // 2. Each slug goes to the label written as that slug, else to the first folded form in string order.
  candidates.sort((a, b) => Number(a.folded !== a.wanted) - Number(b.folded !== b.wanted) || byString(a.folded, b.folded));
  const terms = new Map<string, LabelTerm>();
  const later: typeof candidates = [];
  for (const candidate of candidates) {
    if (candidate.cause === 'device' || terms.has(candidate.wanted)) later.push(candidate);
    else
      terms.set(candidate.wanted, {
        slug: candidate.wanted,
        label: candidate.label,
        labels: candidate.labels,
        wanted: candidate.wanted,
        cause: candidate.cause,
      });
  }

  // 3. The others get a suffix from their hash, longer in the unlikely case it is taken too.
  for (const candidate of later) {
    const hex = hexOf(candidate.folded);
    let digits = SUFFIX_DIGITS;
    while (terms.has(`${candidate.wanted}-${hex.slice(0, digits)}`) && digits < hex.length) digits += SUFFIX_DIGITS;
    const slug = `${candidate.wanted}-${hex.slice(0, digits)}`;
    const owner = terms.get(candidate.wanted);
    const cause: SlugCause = candidate.cause === 'device' ? 'device' : 'taken';
    terms.set(slug, {
      slug,
      label: candidate.label,
      labels: candidate.labels,
      wanted: candidate.wanted,
      cause,
      ...(owner ? { takenBy: owner.label } : {}),
    });
  }

  const sorted = new Map([...terms].sort(([a], [b]) => byString(a, b)));
  const slugOf = new Map<string, string>();
  for (const term of sorted.values()) for (const label of term.labels) slugOf.set(label, term.slug);
  return { slugOf, terms: sorted };
}

/** The slugs of one paper's own tags, as if no other paper had any (src/site/archive/build-archive.ts settles them for the archive). */
export function ownTagSlugs(tags: readonly string[]): string[] {
  const { slugOf } = termSlugs(new Map(tags.map((tag) => [tag, 1])));
  return [...new Set(tags.map((tag) => slugOf.get(tag)!))].sort();
}

/** A category's term id: the category in lowercase (`cs.cl`), unless that names a Windows device. */
export function categoryTermId(category: string): string {
  const id = category.toLowerCase();
  return isWindowsDevice(id) ? `${id.replace(/\./g, '-')}-${hexOf(id).slice(0, SUFFIX_DIGITS)}` : id;
}
