/** The outside links a paper page offers, in the order it shows them. Pure. */
import type { Paper } from '../schema/paper.ts';
import { isSafeUrl } from '../schema/safe-url.ts';
import { arxivAbsUrl, arxivPdfUrl, doiUrl, isArxivPageOf } from './arxiv.ts';

/** A link from a source, only when it passes the scheme allow-list (the schema checked it already; this is the second look). */
const safe = (href: string | null) => (href !== null && isSafeUrl(href) ? href : null);

/** arXiv abstract and PDF, code, DOI, the paper's own page when it is not its arXiv page, its project page and Hugging Face page. */
export function paperLinks(paper: Paper): { label: string; href: string }[] {
  return [
    paper.id && { label: 'arXiv abstract', href: arxivAbsUrl(paper.id) },
    paper.id && { label: 'PDF', href: arxivPdfUrl(paper.id) },
    paper.code_url && { label: 'Code', href: paper.code_url },
    paper.doi && { label: 'DOI', href: doiUrl(paper.doi) },
    paper.url && !(paper.id && isArxivPageOf(paper.url, paper.id)) && { label: 'Paper page', href: paper.url },
    safe(paper.project_url) && { label: 'Project page', href: paper.project_url! },
    safe(paper.hf_url) && { label: 'Hugging Face', href: paper.hf_url! },
  ].filter((item): item is { label: string; href: string } => Boolean(item));
}
