/**
 * The pairs of papers worth an exact cosine (src/site/related/related-papers.ts says how they
 * are found): every paper's few key terms, an inverted index over them with each list capped,
 * and each paper's candidates narrowed from the papers it meets there. Pure.
 */
import { Best } from './best-items.ts';
import { clear, dot, scatter } from './dense-vector.ts';
import { idf, type PaperVectors } from './text-vectors.ts';

/** The IDF reference of the weights that choose key terms: steeper than the vectors', so key terms are specific. */
const KEY_REFERENCE = 2 ** 20;

/** Per-paper lists in one array: entries `offsets[d]` … `offsets[d + 1] − 1` belong to paper (or term) `d`. */
export interface KeyTerms {
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
export function keyTermsOf(vectors: PaperVectors, limit: number): KeyTerms {
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
export function invertedIndex(
  termCount: number,
  keys: KeyTerms,
  cap: number,
): { offsets: Int32Array; docs: Int32Array; weights: Float32Array } {
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
export function candidateFinder(
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
export function symmetric(lists: readonly Int32Array[]): {
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
