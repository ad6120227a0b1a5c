/**
 * Tags a paper with taxonomy terms from its title and abstract. Rules (see `TaxonomyTerm`):
 * - phrases match whole words, case-insensitively (acronyms case-sensitively), after NFC and
 *   after Unicode dashes become `-`; a final `s`/`es` or version number also matches, so `SSM`
 *   finds "SSMs" and `Mamba` finds "Mamba2";
 * - a space in a phrase matches any run of spaces and hyphens, a hyphen matches that or nothing;
 * - each term's phrases count independently: a phrase that contains another term's phrase
 *   ("whole slide image" ⊃ "image") counts for both; a hit inside one of the term's own
 *   `exclude` phrases does not count;
 * - a phrase written in lower case does not match a word in capitals ("MUSIC:" is a name);
 * - an acronym the text defines as something else ("statistical shape model (SSM)") is ignored
 *   there, so list the long forms of a term's acronyms among its phrases;
 * - a term applies when its title has a hit, or (unless `title_only`) at least `min_mentions`
 *   sentences of its abstract have one; a term that applies brings all its ancestors along.
 * All phrases of a taxonomy are compiled into one regular expression (see phrase-pattern.ts),
 * once per taxonomy list.
 */
import type { Taxonomy } from '../../schema/taxonomy.ts';
import { keyOf, normalizeText, unionOf } from './phrase-pattern.ts';

/** What `autoTag` reads of a paper. */
export interface TaggablePaper {
  readonly title: string;
  readonly abstract: string;
}

/** Term ids per taxonomy id, sorted; taxonomies with no matching term are left out. */
export type TermsByTaxonomy = Record<string, string[]>;

/** Compiled rules of a taxonomy list; `tag` is what `autoTag` runs for each paper. */
export interface TaxonomyMatcher {
  readonly tag: (paper: TaggablePaper) => TermsByTaxonomy;
}

interface CompiledTerm {
  readonly id: string;
  /** The term and its ancestors, nearest first. */
  readonly withAncestors: readonly string[];
  readonly minMentions: number;
  readonly titleOnly: boolean;
  readonly exclude: RegExp | null;
}

interface CompiledTaxonomy {
  readonly id: string;
  readonly terms: readonly CompiledTerm[];
  /** Case-insensitive phrases, and the terms each normalised phrase belongs to. */
  readonly phrases: RegExp | null;
  readonly phraseTerms: ReadonlyMap<string, readonly number[]>;
  /** Keys of phrases written with lower-case letters, which an all-capitals word ("MUSIC:") does not match. */
  readonly lowerCasePhrases: ReadonlySet<string>;
  /** Case-sensitive acronyms, likewise. */
  readonly acronyms: RegExp | null;
  readonly acronymTerms: ReadonlyMap<string, readonly number[]>;
}

/** The term and its ancestors, nearest first (the schema has ruled out cycles and unknown parents). */
function lineage(termId: string, parentOf: ReadonlyMap<string, string | undefined>): string[] {
  const chain = [termId];
  for (let next = parentOf.get(termId); next !== undefined && !chain.includes(next); next = parentOf.get(next)) {
    chain.push(next);
  }
  return chain;
}

/** A term's phrases and acronyms, compiled on their own, and their folded keys. */
interface OwnRules {
  readonly rules: readonly (RegExp | null)[];
  readonly keys: readonly string[];
}

/**
 * The owners of each phrase: the terms that list it, plus every term with a phrase found inside
 * it, so that overlapping phrases of different terms behave as if matched independently even
 * though one combined expression finds only the longest.
 */
function ownerTable(phrases: ReadonlyMap<string, { text: string; owners: number[] }>, terms: readonly OwnRules[]): Map<string, number[]> {
  const table = new Map<string, number[]>();
  for (const [key, { text, owners }] of phrases) {
    const all = new Set(owners);
    const folded = keyOf(text, false);
    terms.forEach((term, index) => {
      // The substring test is a cheap filter; the term's own expressions decide.
      if (!term.keys.some((own) => folded.includes(own))) return;
      if (term.rules.some((rule) => rule !== null && normalizeText(text).search(rule) >= 0)) all.add(index);
    });
    table.set(
      key,
      [...all].sort((a, b) => a - b),
    );
  }
  return table;
}

function compileTaxonomy(taxonomy: Taxonomy): CompiledTaxonomy {
  const parentOf = new Map(taxonomy.terms.map((term) => [term.id, term.parent]));
  const phrases = new Map<string, { text: string; owners: number[] }>();
  const acronyms = new Map<string, { text: string; owners: number[] }>();
  const register = (table: typeof phrases, text: string, caseSensitive: boolean, index: number): void => {
    const key = keyOf(text, caseSensitive);
    const entry = table.get(key) ?? { text, owners: [] };
    if (!entry.owners.includes(index)) entry.owners.push(index);
    table.set(key, entry);
  };
  taxonomy.terms.forEach((term, index) => {
    for (const phrase of term.match) register(phrases, phrase, false, index);
    for (const acronym of term.acronyms) register(acronyms, acronym, true, index);
  });
  const ownRules = taxonomy.terms.map((term): OwnRules => ({
    rules: [unionOf(term.match, false), unionOf(term.acronyms, true)],
    keys: [...term.match, ...term.acronyms].map((phrase) => keyOf(phrase, false)),
  }));
  return {
    id: taxonomy.id,
    terms: taxonomy.terms.map((term) => ({
      id: term.id,
      withAncestors: lineage(term.id, parentOf),
      minMentions: term.min_mentions,
      titleOnly: term.title_only,
      exclude: unionOf(term.exclude, false),
    })),
    phrases: unionOf(
      taxonomy.terms.flatMap((term) => term.match),
      false,
    ),
    phraseTerms: ownerTable(phrases, ownRules),
    lowerCasePhrases: new Set([...phrases].filter(([, { text }]) => /\p{Ll}/u.test(text)).map(([key]) => key)),
    acronyms: unionOf(
      taxonomy.terms.flatMap((term) => term.acronyms),
      true,
    ),
    acronymTerms: ownerTable(acronyms, ownRules),
  };
}

/**
 * Every match of the global expression `regex` in `text`, as `text.matchAll(regex)` finds them
 * but without the copy of the expression `matchAll` makes on each call, which for one made of
 * thousands of phrases costs more than the search itself.
 */
function matchesOf(regex: RegExp, text: string): RegExpExecArray[] {
  if (!regex.global) throw new TypeError(`matchesOf: ${regex} is not global`);
  const matches: RegExpExecArray[] = [];
  regex.lastIndex = 0;
  for (let match = regex.exec(text); match !== null; match = regex.exec(text)) {
    matches.push(match);
    // An empty match would be found again at the same place: step over one code point.
    if (match[0] === '') regex.lastIndex = match.index + ((text.codePointAt(match.index) ?? 0) > 0xffff ? 2 : 1);
  }
  return matches;
}

/** One phrase found in a text; `acronym` is the acronym's key for acronym hits, else null. */
interface Hit {
  readonly start: number;
  readonly end: number;
  readonly acronym: string | null;
}

/** The table key a matched text belongs to: as written, else without its plural ending or version number. */
function keyIn(matched: string, table: ReadonlyMap<string, readonly number[]>, caseSensitive: boolean): string | null {
  const key = keyOf(matched, caseSensitive);
  for (const candidate of [key, key.replace(/s$/i, ''), key.replace(/es$/i, ''), key.replace(/\d+(?:\.\d+)*$/, '')]) {
    if (table.has(candidate)) return candidate;
  }
  return null;
}

/** Every phrase and acronym hit in `text`, grouped by term index, in text order. */
function hitsIn(text: string, taxonomy: CompiledTaxonomy): Map<number, Hit[]> {
  const hits = new Map<number, Hit[]>();
  const collect = (regex: RegExp | null, table: ReadonlyMap<string, readonly number[]>, caseSensitive: boolean): void => {
    if (regex === null) return;
    for (const match of matchesOf(regex, text)) {
      const key = keyIn(match[0], table, caseSensitive);
      if (key === null) continue;
      // "MUSIC: …" or "SAGE" in capitals is a system's name, not the word the phrase means.
      if (!caseSensitive && taxonomy.lowerCasePhrases.has(key) && ALL_CAPS.test(match[0])) continue;
      const hit: Hit = { start: match.index, end: match.index + match[0].length, acronym: caseSensitive ? key : null };
      for (const owner of table.get(key) ?? []) {
        const list = hits.get(owner);
        if (list) list.push(hit);
        else hits.set(owner, [hit]);
      }
    }
  };
  collect(taxonomy.phrases, taxonomy.phraseTerms, false);
  collect(taxonomy.acronyms, taxonomy.acronymTerms, true);
  for (const list of hits.values()) list.sort((x, y) => x.start - y.start);
  return hits;
}

/** A word written in capitals only (at least two letters, no lower case). */
const ALL_CAPS = /^(?=(?:.*\p{Lu}){2})[^\p{Ll}]*$/u;

/** Text between a long form and the abbreviation it defines, as in "Mixture-of-Experts (MoE)". */
const DEFINITION_GAP = /^\s*[([]\s*$/;
/** Text right before an abbreviation that is being defined: an opening bracket. */
const OPENS_DEFINITION = /[([]\s*$/;

/** The term's hits outside its exclusions. */
function keptHits(hits: readonly Hit[] | undefined, text: string, exclude: RegExp | null): Hit[] {
  if (hits === undefined) return [];
  if (exclude === null) return [...hits];
  const excluded = matchesOf(exclude, text).map((m) => [m.index, m.index + m[0].length] as const);
  return hits.filter((hit) => !excluded.some(([from, to]) => hit.start >= from && hit.end <= to));
}

/** Whether `hit` directly follows another hit of the same term as its bracketed abbreviation. */
function isDefinition(hit: Hit, hits: readonly Hit[], text: string): boolean {
  return hits.some((other) => other.end <= hit.start && DEFINITION_GAP.test(text.slice(other.end, hit.start)));
}

/** Acronyms the text defines as something else ("statistical shape model (SSM)"): they do not mean this term here. */
function foreignAcronyms(hits: readonly Hit[], text: string): Set<string> {
  const foreign = new Set<string>();
  for (const hit of hits) {
    if (hit.acronym === null) continue;
    const opensDefinition = OPENS_DEFINITION.test(text.slice(Math.max(0, hit.start - 3), hit.start));
    if (opensDefinition && !isDefinition(hit, hits, text)) foreign.add(hit.acronym);
  }
  return foreign;
}

/** Where a sentence ends: a full stop, question or exclamation mark before a capital, digit or bracket. */
const SENTENCE_END = /[.!?]["')\]]*\s+(?=[\p{Lu}\p{N}(["'])/gu;

/** Start offsets of the sentences of `text`, in order (the first is 0). */
function sentenceStarts(text: string): number[] {
  return [0, ...[...text.matchAll(SENTENCE_END)].map((m) => m.index + m[0].length)];
}

/**
 * How many sentences mention the term. Counting sentences rather than hits keeps a list of
 * application areas ("mathematics, physics and chemistry") or a definition ("Mixture-of-Experts
 * (MoE)") from passing for repeated discussion. Acronyms defined as something else are dropped.
 */
function mentions(hits: readonly Hit[], starts: readonly number[], foreign: ReadonlySet<string>): number {
  const sentences = new Set<number>();
  for (const hit of hits) {
    if (hit.acronym !== null && foreign.has(hit.acronym)) continue;
    let sentence = 0;
    while (sentence + 1 < starts.length && (starts[sentence + 1] ?? Infinity) <= hit.start) sentence++;
    sentences.add(sentence);
  }
  return sentences.size;
}

function tagWith(taxonomy: CompiledTaxonomy, title: string, abstract: string, abstractSentences: readonly number[]): string[] {
  const titleHits = hitsIn(title, taxonomy);
  const abstractHits = hitsIn(abstract, taxonomy);
  const found = new Set<string>();
  for (const index of new Set([...titleHits.keys(), ...abstractHits.keys()])) {
    const term = taxonomy.terms[index];
    if (term === undefined) continue;
    const inTitle = keptHits(titleHits.get(index), title, term.exclude);
    const inAbstract = keptHits(abstractHits.get(index), abstract, term.exclude);
    const foreign = new Set([...foreignAcronyms(inTitle, title), ...foreignAcronyms(inAbstract, abstract)]);
    const applies =
      mentions(inTitle, [0], foreign) > 0 || (!term.titleOnly && mentions(inAbstract, abstractSentences, foreign) >= term.minMentions);
    if (applies) for (const id of term.withAncestors) found.add(id);
  }
  return [...found].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Compiles the matching rules of validated taxonomies once, for tagging many papers. */
export function compileTaxonomies(taxonomies: readonly Taxonomy[]): TaxonomyMatcher {
  const compiled = taxonomies.map(compileTaxonomy);
  return {
    tag(paper) {
      const title = normalizeText(paper.title);
      const abstract = normalizeText(paper.abstract);
      const sentences = sentenceStarts(abstract);
      const result: TermsByTaxonomy = {};
      for (const taxonomy of compiled) {
        const terms = tagWith(taxonomy, title, abstract, sentences);
        if (terms.length > 0) result[taxonomy.id] = terms;
      }
      return result;
    },
  };
}

const matchers = new WeakMap<readonly Taxonomy[], TaxonomyMatcher>();

/** Term ids per taxonomy id for one paper; compiles `taxonomies` on first use and reuses that for the same array. */
export function autoTag(paper: TaggablePaper, taxonomies: readonly Taxonomy[]): TermsByTaxonomy {
  let matcher = matchers.get(taxonomies);
  if (matcher === undefined) {
    matcher = compileTaxonomies(taxonomies);
    matchers.set(taxonomies, matcher);
  }
  return matcher.tag(paper);
}
