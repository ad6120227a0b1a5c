/**
 * Where a paper was published, as one line of plain text for its page: `Nature, vol. 596,
 * no. 7873, pp. 583–589`; `PhD thesis, University of Toronto`. Null when the source said
 * nothing about it. The page writes the line as text, so venue and publisher stay inert. Pure.
 */
import type { Paper } from '../schema/paper.ts';

const KIND_LABELS: Readonly<Record<string, string>> = {
  phdthesis: 'PhD thesis',
  mastersthesis: "Master's thesis",
  report: 'Report',
  book: 'Book',
};

/** The publication line of `paper`, or null. */
export function publicationLine(paper: Pick<Paper, 'type' | 'venue' | 'volume' | 'issue' | 'pages' | 'publisher'>): string | null {
  const { venue, volume, issue, pages, publisher } = paper;
  if (!venue && !volume && !issue && !pages && !publisher) return null;
  const parts = [
    paper.type === null ? undefined : KIND_LABELS[paper.type],
    venue,
    volume && `vol. ${volume}`,
    issue && `no. ${issue}`,
    pages && (pages.includes('–') ? `pp. ${pages}` : `p. ${pages}`),
    publisher,
  ];
  return parts.filter((part): part is string => Boolean(part)).join(', ');
}
