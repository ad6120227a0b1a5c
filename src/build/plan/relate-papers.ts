/** Every paper's related papers, by slug: the whole archive is needed, so they are worked out once, on a worker thread. */
import type { Archive } from '../../site/archive/build-archive.ts';
import type { RelatedInput, RelatedPaper } from '../../site/related/related-papers.ts';
import { mapInWorkers } from '../workers/worker-pool.ts';
import { sortDate } from '../../site/paper-dates.ts';

/** The related papers of every paper of `archive`. */
export async function relatePapers(archive: Archive): Promise<Record<string, RelatedPaper[]>> {
  const papers: RelatedInput[] = archive.papers.map((paper) => ({
    slug: paper.slug,
    title: paper.title,
    abstract: paper.abstract,
    date: sortDate(paper),
    terms: paper.terms,
  }));
  const [related] = await mapInWorkers([papers], { task: 'related', shared: null, threads: 1, chunkSize: 1 });
  return related ?? {};
}
