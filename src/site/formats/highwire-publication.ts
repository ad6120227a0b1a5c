/**
 * The Highwire Press tags (read by Google Scholar and reference managers) that say where a paper
 * was published: the venue under the tag its kind uses (`citation_journal_title` for a journal
 * article, `citation_conference_title` for a conference paper, `citation_inbook_title` for a
 * chapter), volume, issue, first and last page, and the publisher (for a thesis, also as
 * `citation_dissertation_institution`; for a report, `citation_technical_report_institution`).
 * Names and values only: src/components/CitationMeta.astro writes them, escaped. Pure.
 */
import type { Paper } from '../../schema/paper.ts';
import { citedKind, pageRange } from './publication-kind.ts';

/** The tags, as `[name, content]` pairs in the order they are written. */
export function highwirePublication(paper: Pick<Paper, 'type' | 'venue' | 'volume' | 'issue' | 'pages' | 'publisher'>): [string, string][] {
  const { highwireVenue } = citedKind(paper);
  const range = paper.pages ? pageRange(paper.pages) : null;
  const institution =
    paper.type === 'phdthesis' || paper.type === 'mastersthesis'
      ? 'citation_dissertation_institution'
      : paper.type === 'report'
        ? 'citation_technical_report_institution'
        : null;
  const tags: [string, string | null | undefined][] = [
    [highwireVenue ?? '', highwireVenue && paper.venue],
    ['citation_volume', paper.volume],
    ['citation_issue', paper.issue],
    ['citation_firstpage', range?.first],
    ['citation_lastpage', range?.last],
    ['citation_publisher', paper.publisher],
    [institution ?? '', institution && paper.publisher],
  ];
  return tags.flatMap(([name, content]) => (name !== '' && content ? [[name, content] as [string, string]] : []));
}
