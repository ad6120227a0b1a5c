/**
 * Entries → the text of their paper files, enriched on the way: the costly half of an ingest
 * (tagging, and writing YAML), pure, and so run on worker threads (src/build/workers/worker-tasks.ts).
 */
import type { Entry, Paper } from '../../schema/paper.ts';
import type { Taxonomy } from '../../schema/taxonomy.ts';
import { enrichEntry } from '../enrich/enrich-papers.ts';
import { emittedPaper, paperToMdx } from './paper-to-mdx.ts';
import { hasNotes } from './split-mdx.ts';

/** One paper file to write. */
export interface EmitRequest {
  readonly entry: Entry;
  readonly slug: string;
  /** The notes the file keeps, '' for none. */
  readonly notes: string;
  /** Where the entry came from, for the file's header. */
  readonly source: string;
}

/** The file's text, and the paper as reading the file gives it back when it holds no notes (else null). */
export interface EmittedFile {
  readonly text: string;
  readonly paper: Paper | null;
}

/** The files of `requests`, in order. */
export function emitPaperFiles(
  { taxonomies }: { readonly taxonomies: readonly Taxonomy[] },
  requests: readonly EmitRequest[],
): EmittedFile[] {
  return requests.map(({ entry, slug, notes, source }) => {
    const paper = enrichEntry(entry, slug, taxonomies);
    return { text: paperToMdx(paper, notes, source), paper: hasNotes(notes) ? null : emittedPaper(paper) };
  });
}
