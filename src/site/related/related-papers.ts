/**
 * Each paper's most similar papers by text: the cosine of TF-IDF vectors over title and abstract
 * (text-vectors.ts). Pure and deterministic (ties go to the smaller slug).
 *
 * Not quadratic: a paper meets others only through an inverted index of every paper's few key
 * terms, each list capped at the papers the term weighs most in, so the work per paper is
 * bounded. The papers met are narrowed by their shared key weights, then by the other paper's
 * key terms against this paper's whole vector, and the best few get the exact cosine; a pair
 * found from either side counts for both. The search is approximate: on the real corpus about
 * four in five listed papers are the exact top five, the rest come just after them.
 *
 * Stable as the archive grows, so a new day re-renders few old pages: the IDF ignores the
 * archive's size, and a paper listed on a later day needs a clearly higher similarity
 * (`laterWeight`) to push an earlier paper out of a list.
 */
import { Best } from './best-items.ts';
import { idf, paperVectors, type PaperVectors } from './text-vectors.ts';

/** What related-paper lists need of a paper. */
export interface RelatedInput {
  readonly slug: string;
  readonly title: string;
  readonly abstract: string;
  /** The listing day, `YYYY-MM-DD`. */
  readonly date: string;
  /** Taxonomy id → term ids, as on `Paper`. */
  readonly terms: Readonly<Record<string, readonly string[]>>;
}

/** A similar paper, with the terms both papers carry. */
export interface RelatedPaper {
  readonly slug: string;
  readonly title: string;
  /** Cosine similarity of the two papers' TF-IDF vectors, 0–1, to three decimals. */
  readonly score: number;
  /** Terms both papers have, by taxonomy id (sorted), in the first paper's term order. */
  readonly sharedTerms: readonly { taxonomy: string; id: string }[];
}

/** Tuning; every field has a default. */
export interface RelatedOptions {
  /** Papers listed per paper. Default 5. */
  readonly count?: number;
  /** Cosine below which a paper is not related at all. Default 0.1. */
  readonly minScore?: number;
  /**
   * What the similarity of a paper listed on a later day counts for when ranking. Below 1, a new
   * paper enters an older paper's list only when clearly closer than what is there, so adding a
   * day leaves most older pages as they were. Default 0.8.
   */
  readonly laterWeight?: number;
  /** Key terms per paper: those it is indexed under and looks others up by. Default 24. */
  readonly keyTerms?: number;
  /** Papers kept per key term, those it weighs most in. Bounds the work per paper. Default 150. */
  readonly postingCap?: number;
  /** Papers met through the index that get a closer look at their key terms. Default 150. */
  readonly shortlist?: number;
  /** Papers after that closer look that get the exact cosine (and, in turn, see this paper). Default 40. */
  readonly candidates?: number;
}

/** The IDF reference of the weights that choose key terms: steeper than the vectors', so key terms are specific. */
const KEY_REFERENCE = 2 ** 20;

/** The `count` most similar papers of every paper, by slug; ties go to the smaller slug. */
export function relatedPapers(papers: readonly RelatedInput[], options: RelatedOptions = {}): Map<string, RelatedPaper[]> {
  const { count = 5, minScore = 0.1, laterWeight = 0.8, keyTerms = 24, postingCap = 150, shortlist = 150, candidates = 40 } = options;
  // 1. Papers in slug order, so the result never depends on input order; their vectors.
  const sorted = [...papers].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
  const vectors = paperVectors(sorted);
  // 2. Every paper's key terms, and the inverted index over them.
  const keys = keyTermsOf(vectors, keyTerms);
  const index = invertedIndex(vectors.termCount, keys, postingCap);
  // 3. Every paper's candidates, made symmetric: b is a candidate of a when a found b or b found a.
  const find = candidateFinder(vectors, keys, index, shortlist, candidates);
  const pairs = symmetric(sorted.map((_, doc) => find(doc)));
  // 4. The exact cosine of every pair, computed once for both papers.
  const cosines = pairCosines(vectors, pairs);
  // 5. Each paper's best `count` above `minScore`, later papers' similarity weighed down. Offered
  //    by position in the paper's pair list, which is in paper order, so ties go to the smaller paper.
  const result = new Map<string, RelatedPaper[]>();
  const top = new Best(count);
  const dayOf = new Map([...new Set(sorted.map((paper) => paper.date))].sort().map((date, index) => [date, index]));
  const day = Int32Array.from(sorted, (paper) => dayOf.get(paper.date)!);
  sorted.forEach((paper, doc) => {
    for (let k = pairs.offsets[doc]!; k < pairs.offsets[doc + 1]!; k += 1) {
      const score = cosines[k]!;
      if (score >= minScore) top.offer(k, day[pairs.docs[k]!]! > day[doc]! ? score * laterWeight : score);
    }
    result.set(
      paper.slug,
      top.ranked().map((k) => {
        const other = sorted[pairs.docs[k]!]!;
        return {
          slug: other.slug,
          title: other.title,
          score: Math.round(cosines[k]! * 1000) / 1000,
          sharedTerms: sharedTerms(paper, other),
        };
      }),
    );
  });
  return result;
}

/** The cosine of every pair, aligned with `pairs.docs`. Each pair is computed once: lists are symmetric and sorted. */
function pairCosines(vectors: PaperVectors, pairs: { offsets: Int32Array; docs: Int32Array }): Float64Array {
  const cosines = new Float64Array(pairs.docs.length);
  const dense = new Float64Array(vectors.termCount);
  for (let doc = 0; doc < vectors.docCount; doc += 1) {
    scatter(vectors, doc, vectors.weights, dense);
    for (let k = pairs.offsets[doc]!; k < pairs.offsets[doc + 1]!; k += 1) {
      const other = pairs.docs[k]!;
      if (other < doc) continue;
      const cosine = dot(dense, vectors.terms, vectors.weights, vectors.offsets[other]!, vectors.offsets[other + 1]!);
      cosines[k] = cosine;
      // The same pair in the other paper's list, found by binary search.
      let low = pairs.offsets[other]!;
      let high = pairs.offsets[other + 1]! - 1;
      while (low < high) {
        const middle = (low + high) >>> 1;
        if (pairs.docs[middle]! < doc) low = middle + 1;
        else high = middle;
      }
      cosines[low] = cosine;
    }
    clear(vectors, doc, dense);
  }
  return cosines;
}

/** Per-paper lists in one array: entries `offsets[d]` … `offsets[d + 1] − 1` belong to paper (or term) `d`. */
interface KeyTerms {
  readonly offsets: Int32Array;
  readonly terms: Int32Array;
  readonly weights: Float32Array;
  /** Every term's key weight, aligned with the vectors' `terms`. */
  readonly sharp: Float32Array;
}

/**
 * Each paper's `limit` key terms, the heaviest (ties: the alphabetically first) among terms
 * another paper also has. Key weights are the vectors' with a steeper IDF, renormalized: finding
 * candidates needs specific terms, while the final cosine needs weights that hold still.
 */
function keyTermsOf(vectors: PaperVectors, limit: number): KeyTerms {
  const steeper = Float64Array.from(vectors.df, (df) => Math.max(0, Math.log(KEY_REFERENCE / df)) / idf(df));
  const sharp = new Float32Array(vectors.weights.length);
  const offsets = new Int32Array(vectors.docCount + 1);
  const picked = new Int32Array(vectors.docCount * limit);
  const heaviest = new Best(limit);
  let size = 0;
  for (let doc = 0; doc < vectors.docCount; doc += 1) {
    const start = vectors.offsets[doc]!;
    const end = vectors.offsets[doc + 1]!;
    let squares = 0;
    for (let i = start; i < end; i += 1) {
      sharp[i] = vectors.weights[i]! * steeper[vectors.terms[i]!]!;
      squares += sharp[i]! * sharp[i]!;
    }
    const norm = Math.sqrt(squares) || 1;
    for (let i = start; i < end; i += 1) {
      sharp[i] = sharp[i]! / norm;
      if (vectors.df[vectors.terms[i]!]! > 1) heaviest.offer(i, sharp[i]!);
    }
    for (const i of heaviest.take()) picked[size++] = i;
    offsets[doc + 1] = size;
  }
  const entries = picked.subarray(0, size);
  return {
    offsets,
    terms: entries.map((i) => vectors.terms[i]!),
    weights: Float32Array.from(entries, (i) => sharp[i]!),
    sharp,
  };
}

/** Term → the papers it is a key term of, heaviest first; past `cap`, only the `cap` heaviest. */
function invertedIndex(termCount: number, keys: KeyTerms, cap: number): { offsets: Int32Array; docs: Int32Array; weights: Float32Array } {
  // Counting sort of (term, paper) entries by term, then each list by weight.
  const counts = new Int32Array(termCount + 1);
  for (const term of keys.terms) counts[term + 1] = counts[term + 1]! + 1;
  for (let term = 0; term < termCount; term += 1) counts[term + 1] = counts[term + 1]! + counts[term]!;
  const fill = counts.slice(0, termCount);
  const entryKey = new Int32Array(keys.terms.length);
  const entryDoc = new Int32Array(keys.terms.length);
  for (let doc = 0; doc + 1 < keys.offsets.length; doc += 1) {
    for (let k = keys.offsets[doc]!; k < keys.offsets[doc + 1]!; k += 1) {
      const term = keys.terms[k]!;
      entryKey[fill[term]!] = k;
      entryDoc[fill[term]!] = doc;
      fill[term] = fill[term]! + 1;
    }
  }
  const offsets = new Int32Array(termCount + 1);
  const kept: number[] = [];
  for (let term = 0; term < termCount; term += 1) {
    const positions = Array.from({ length: counts[term + 1]! - counts[term]! }, (_, i) => counts[term]! + i);
    // Positions are in paper order, so ties go to the smaller paper.
    if (positions.length > cap) positions.sort((a, b) => keys.weights[entryKey[b]!]! - keys.weights[entryKey[a]!]! || a - b).length = cap;
    for (const position of positions) kept.push(position);
    offsets[term + 1] = kept.length;
  }
  return {
    offsets,
    docs: Int32Array.from(kept, (position) => entryDoc[position]!),
    weights: Float32Array.from(kept, (position) => keys.weights[entryKey[position]!]!),
  };
}

/**
 * For a paper, its `candidates` most promising others: those met through the index, scored by
 * the key terms both have, the best `shortlist` of them rescored by all of the other paper's key
 * terms against this paper's whole key-weighted vector. Reuses its buffers between papers.
 */
function candidateFinder(
  vectors: PaperVectors,
  keys: KeyTerms,
  index: { offsets: Int32Array; docs: Int32Array; weights: Float32Array },
  shortlist: number,
  candidates: number,
): (doc: number) => Int32Array {
  // Partial scores are positive once a paper is met, so zero marks one not met yet.
  const partial = new Float64Array(vectors.docCount);
  const met = new Int32Array(vectors.docCount);
  const dense = new Float64Array(vectors.termCount);
  const first = new Best(shortlist);
  const second = new Best(candidates);
  const { offsets: keyOffsets, terms: keyTerms, weights: keyWeights } = keys;
  const { offsets: listOffsets, docs: listDocs, weights: listWeights } = index;
  return (doc) => {
    let size = 0;
    for (let k = keyOffsets[doc]!; k < keyOffsets[doc + 1]!; k += 1) {
      const weight = keyWeights[k]!;
      const term = keyTerms[k]!;
      const end = listOffsets[term + 1]!;
      for (let i = listOffsets[term]!; i < end; i += 1) {
        const other = listDocs[i]!;
        const before = partial[other]!;
        if (before === 0) met[size++] = other;
        partial[other] = before + weight * listWeights[i]!;
      }
    }
    for (let i = 0; i < size; i += 1) {
      const other = met[i]!;
      if (other !== doc) first.offer(other, partial[other]!);
      partial[other] = 0;
    }
    scatter(vectors, doc, keys.sharp, dense);
    for (const other of first.take()) second.offer(other, dot(dense, keyTerms, keyWeights, keyOffsets[other]!, keyOffsets[other + 1]!));
    clear(vectors, doc, dense);
    return second.take();
  };
}

/** Candidate lists made symmetric and deduplicated: b is in a's list when a listed b or b listed a. */
function symmetric(lists: readonly Int32Array[]): {
  offsets: Int32Array;
  docs: Int32Array;
} {
  const sizes = new Int32Array(lists.length);
  lists.forEach((list, doc) => {
    sizes[doc] = sizes[doc]! + list.length;
    for (const other of list) sizes[other] = sizes[other]! + 1;
  });
  const starts = new Int32Array(lists.length + 1);
  for (let doc = 0; doc < lists.length; doc += 1) starts[doc + 1] = starts[doc]! + sizes[doc]!;
  const fill = starts.slice(0, lists.length);
  const docs = new Int32Array(starts[lists.length]!);
  const put = (doc: number, other: number) => {
    docs[fill[doc]!] = other;
    fill[doc] = fill[doc]! + 1;
  };
  lists.forEach((list, doc) => {
    for (const other of list) {
      put(doc, other);
      put(other, doc);
    }
  });
  // Deduplicate in place: each list sorted, the first of each run kept (writing never overtakes reading).
  const offsets = new Int32Array(lists.length + 1);
  let size = 0;
  for (let doc = 0; doc < lists.length; doc += 1) {
    const list = docs.subarray(starts[doc]!, starts[doc + 1]!).sort();
    for (let i = 0; i < list.length; i += 1) if (i === 0 || list[i] !== list[i - 1]) docs[size++] = list[i]!;
    offsets[doc + 1] = size;
  }
  return { offsets, docs: docs.subarray(0, size) };
}

/** Writes a paper's weights (`weights`, aligned with the vectors' terms) into `dense`, indexed by term. */
function scatter(vectors: PaperVectors, doc: number, weights: Float32Array, dense: Float64Array): void {
  for (let i = vectors.offsets[doc]!; i < vectors.offsets[doc + 1]!; i += 1) dense[vectors.terms[i]!] = weights[i]!;
}

/** Undoes `scatter`. */
function clear(vectors: PaperVectors, doc: number, dense: Float64Array): void {
  for (let i = vectors.offsets[doc]!; i < vectors.offsets[doc + 1]!; i += 1) dense[vectors.terms[i]!] = 0;
}

/** The dot product of a scattered vector with entries `start` … `end − 1` of a sparse one. */
function dot(dense: Float64Array, terms: Int32Array, weights: Float32Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += dense[terms[i]!]! * weights[i]!;
  return sum;
}

/** Terms of `a` that `b` also has, taxonomy by taxonomy. */
function sharedTerms(a: RelatedInput, b: RelatedInput): { taxonomy: string; id: string }[] {
  const shared: { taxonomy: string; id: string }[] = [];
  for (const taxonomy of Object.keys(a.terms).sort()) {
    const theirs = b.terms[taxonomy];
    if (theirs) for (const id of a.terms[taxonomy]!) if (theirs.includes(id)) shared.push({ taxonomy, id });
  }
  return shared;
}

/** `relatedPapers` as a worker-pool task (src/build/workers/worker-pool.ts): each item is a whole archive's papers, each answer its lists by slug. */
export function relatedOfArchive(_shared: null, archives: readonly (readonly RelatedInput[])[]): Record<string, RelatedPaper[]>[] {
  return archives.map((papers) => Object.fromEntries(relatedPapers(papers)));
}
