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
import { candidateFinder, invertedIndex, keyTermsOf, symmetric } from './candidate-pairs.ts';
import { clear, dot, scatter } from './dense-vector.ts';
import { paperVectors, type PaperVectors } from './text-vectors.ts';

/** What related-paper lists need of a paper. */
export interface RelatedInput {
  readonly slug: string;
  readonly title: string;
  readonly abstract: string;
  /** The listing day, `YYYY-MM-DD`, else the publication date (`sortDate`): what orders papers in time. */
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
