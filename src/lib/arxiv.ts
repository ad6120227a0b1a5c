/** Links derived from identifiers the schema has validated. */

/** The abstract page on arXiv. */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
/** The PDF on arXiv. */
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
/** The resolver link of a DOI; the schema allows only `10.x/…` with no white space. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/** True when `url` is the arXiv abstract or PDF page of `id` (any version, http or https): a link the page shows already. */
export function isArxivPageOf(url: string, id: string): boolean {
  const parsed = new URL(url);
  return /(^|\.)arxiv\.org$/.test(parsed.hostname) && new RegExp(`^/(?:abs|pdf)/${id.replace(/[.]/g, '\\.')}(?:v\\d+)?(?:\\.pdf)?/?$`).test(parsed.pathname);
}
