/**
 * TF-IDF vectors of short texts (a title and an abstract), unit length, stored compactly so
 * 100,000 papers fit in tens of megabytes. Pure.
 *
 * - Words: lowercase runs of letters and digits, without common English words and bare numbers,
 *   plurals folded onto the singular (`models` → `model`, `studies` → `study`).
 * - Term frequency: a title word counts `TITLE_WEIGHT` times, an abstract word once; 1 + ln(tf).
 * - IDF: ln(REFERENCE / df), with a fixed REFERENCE far above any archive's size, never the
 *   archive's own size: a new day then moves only the weights of the words it uses, and a large
 *   REFERENCE keeps those moves small next to the weights. On the real corpus, 2^30 rather than
 *   2^20 halves the related-paper lists a new day reorders, with as many related papers sharing
 *   an arXiv category; ln(N / df) did worse on both, and so did df rounded to powers of two.
 */

/** Vectors of all documents, one range of `terms` / `weights` per document, term ids ascending. */
export interface PaperVectors {
  readonly docCount: number;
  /** Distinct words; a term id is the word's rank in alphabetical order. */
  readonly termCount: number;
  /** Documents each term occurs in, by term id. */
  readonly df: Int32Array;
  /** Document d's entries are `offsets[d]` … `offsets[d + 1] − 1` of `terms` and `weights`. */
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  /** Single precision: half the memory, and the similarities need no more. */
  readonly weights: Float32Array;
}

/** How many times a title word counts: titles say what a paper is about. */
export const TITLE_WEIGHT = 3;
/** The document frequency an IDF of zero would take, above any archive this is built for. */
const REFERENCE = 2 ** 30;
/** Counts are packed below this in sort keys; a larger count is taken as this (its weight hardly differs). */
const COUNT_LIMIT = 2 ** 16;

// prettier-ignore
const STOP_WORDS = new Set(`a about above after again against all also an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having here
how however if in into is it its itself just may might more most much must no nor not now of off on once only or other
our out over own same should so some such than that the their them then there these they this those through thus to too
under until up upon very via was we were what when where whether which while who whom why will with within without would
yet you your`.split(/\s+/));

const NOT_WORD = /[^\p{L}\p{N}]+/u;
const NUMBER = /^\d+$/;

/** A text's words as counted: lowercase, stop words and numbers dropped, plurals folded. */
export function words(text: string): string[] {
  return text.toLowerCase().split(NOT_WORD).filter(counted).map(singular);
}

/** Whether a lowercase token counts as a word: not a stop word, a bare number or a single character. */
function counted(token: string): boolean {
  return token.length >= 2 && !STOP_WORDS.has(token) && !NUMBER.test(token);
}

/** Folds a plural onto its singular, conservatively: `ies` → `y`, `sses` → `ss`, a final `s` but not `ss`, `us`, `is`. */
function singular(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.endsWith('sses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !/(?:ss|us|is)$/.test(word)) return word.slice(0, -1);
  return word;
}

/** The IDF of a term in `df` documents. */
export function idf(df: number): number {
  return Math.log(REFERENCE / df);
}

/** Unit TF-IDF vectors of documents given as title and abstract. */
export function paperVectors(documents: readonly { title: string; abstract: string }[]): PaperVectors {
  // 1. Term frequencies per document, with ids in order of first appearance, packed as
  //    id · COUNT_LIMIT + count in one growing array (a plain array of 10 million pairs is heavy).
  const provisional = new Map<string, number>();
  // Each distinct token's word id, or -1 for a token that is not counted: a token is looked at once.
  const tokenIds = new Map<string, number>();
  const idOf = (token: string): number => {
    let id = tokenIds.get(token);
    if (id === undefined) {
      if (counted(token)) {
        const word = singular(token);
        id = provisional.get(word) ?? provisional.size;
        provisional.set(word, id);
      } else id = -1;
      tokenIds.set(token, id);
    }
    return id;
  };
  const offsets = new Int32Array(documents.length + 1);
  let packed = new Float64Array(1 << 16);
  let size = 0;
  // Counts of the current document by word id, and the ids it has, reset after each document.
  let tf = new Int32Array(1 << 12);
  const seen: number[] = [];
  documents.forEach((document, doc) => {
    const add = (text: string, by: number) => {
      for (const token of text.toLowerCase().split(NOT_WORD)) {
        const id = idOf(token);
        if (id < 0) continue;
        if (id >= tf.length) {
          const larger = new Int32Array(2 * id);
          larger.set(tf);
          tf = larger;
        }
        if (tf[id] === 0) seen.push(id);
        tf[id] = tf[id]! + by;
      }
    };
    add(document.title, TITLE_WEIGHT);
    add(document.abstract, 1);
    if (size + seen.length > packed.length) {
      const larger = new Float64Array(Math.max(2 * packed.length, size + seen.length));
      larger.set(packed);
      packed = larger;
    }
    for (const id of seen) {
      packed[size++] = id * COUNT_LIMIT + Math.min(tf[id]!, COUNT_LIMIT - 1);
      tf[id] = 0;
    }
    seen.length = 0;
    offsets[doc + 1] = size;
  });

  // 2. Final ids in alphabetical order, so ties between terms never depend on which paper came first.
  const vocabulary = [...provisional.keys()].sort();
  const rank = new Int32Array(vocabulary.length);
  vocabulary.forEach((word, index) => (rank[provisional.get(word)!] = index));
  const keys = packed.subarray(0, size);
  const df = new Int32Array(vocabulary.length);
  for (let i = 0; i < size; i += 1) {
    const id = Math.floor(keys[i]! / COUNT_LIMIT);
    const term = rank[id]!;
    keys[i] = keys[i]! + (term - id) * COUNT_LIMIT;
    df[term] = df[term]! + 1;
  }
  const idfs = Float64Array.from(df, idf);

  // 3. Each document sorted by term id (term and count packed in one number for a native sort),
  //    weighted (1 + ln tf) · idf and scaled to unit length.
  const terms = new Int32Array(size);
  const weights = new Float32Array(size);
  for (let doc = 0; doc < documents.length; doc += 1) {
    const start = offsets[doc]!;
    const end = offsets[doc + 1]!;
    keys.subarray(start, end).sort();
    let squares = 0;
    for (let i = start; i < end; i += 1) {
      terms[i] = Math.floor(keys[i]! / COUNT_LIMIT);
      // Kept in double precision until scaled.
      keys[i] = (1 + Math.log(keys[i]! % COUNT_LIMIT)) * idfs[terms[i]!]!;
      squares += keys[i]! ** 2;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let i = start; i < end; i += 1) weights[i] = keys[i]! / norm;
  }
  return {
    docCount: documents.length,
    termCount: vocabulary.length,
    df,
    offsets,
    terms,
    weights,
  };
}
