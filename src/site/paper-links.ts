/** The outside links a paper page offers, in the order it shows them. Pure. */
import type { Paper } from '../schema/paper.ts';
import { arxivAbsUrl, arxivPdfUrl, doiUrl, isArxivPageOf } from './arxiv.ts';

/** arXiv abstract and PDF, code, DOI, and the paper's own page when it is not its arXiv page. */
export function paperLinks(paper: Paper): { label: string; href: string }[] {
  return [
    paper.id && { label: 'arXiv abstract', href: arxivAbsUrl(paper.id) },
    paper.id && { label: 'PDF', href: arxivPdfUrl(paper.id) },
    paper.code_url && { label: 'Code', href: paper.code_url },
    paper.doi && { label: 'DOI', href: doiUrl(paper.doi) },
    paper.url && !(paper.id && isArxivPageOf(paper.url, paper.id)) && { label: 'Paper page', href: paper.url },
  ].filter((item): item is { label: string; href: string } => Boolean(item));
}
