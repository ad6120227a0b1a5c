/** Links derived from identifiers the schema has validated. */

/** The abstract page on arXiv. */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
/** The PDF on arXiv. */
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
/** The resolver link of a DOI; the schema allows only `10.x/…` with no white space. */
export const doiUrl = (doi: string): string => `https://doi.org/${doi.split('/').map(encodeURIComponent).join('/')}`;

/** An arXiv abstract or PDF path: what follows `/abs/` or `/pdf/`, without `.pdf` and a trailing slash. */
const ARXIV_PATH = /^\/(?:abs|pdf)\/(.+?)(?:\.pdf)?\/?$/;

/**
 * True when `url` is the arXiv abstract or PDF page of `id` (any version, http or https): a link
 * the page shows already. Every paper page asks this, so no pattern is compiled for the call.
 */
export function isArxivPageOf(url: string, id: string): boolean {
  const parsed = new URL(url);
  if (!/(^|\.)arxiv\.org$/.test(parsed.hostname)) return false;
  const named = ARXIV_PATH.exec(parsed.pathname)?.[1];
  if (named === undefined || !named.startsWith(id)) return false;
  const version = named.slice(id.length);
  return version === '' || /^v\d+$/.test(version);
}
