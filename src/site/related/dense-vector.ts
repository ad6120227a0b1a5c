/** A paper's sparse vector spread into a dense array, for many dot products against it. */
import type { PaperVectors } from './text-vectors.ts';

/** Writes a paper's weights (`weights`, aligned with the vectors' terms) into `dense`, indexed by term. */
export function scatter(vectors: PaperVectors, doc: number, weights: Float32Array, dense: Float64Array): void {
  for (let i = vectors.offsets[doc]!; i < vectors.offsets[doc + 1]!; i += 1) dense[vectors.terms[i]!] = weights[i]!;
}

/** Undoes `scatter`. */
export function clear(vectors: PaperVectors, doc: number, dense: Float64Array): void {
  for (let i = vectors.offsets[doc]!; i < vectors.offsets[doc + 1]!; i += 1) dense[vectors.terms[i]!] = 0;
}

/** The dot product of a scattered vector with entries `start` … `end − 1` of a sparse one. */
export function dot(dense: Float64Array, terms: Int32Array, weights: Float32Array, start: number, end: number): number {
  let sum = 0;
  for (let i = start; i < end; i += 1) sum += dense[terms[i]!]! * weights[i]!;
  return sum;
}
