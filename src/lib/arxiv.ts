/** Links derived from an arXiv id; the id is validated by the schema, so it is safe in a URL. */

/** The abstract page on arXiv. */
export const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${id}`;
/** The PDF on arXiv. */
export const arxivPdfUrl = (id: string): string => `https://arxiv.org/pdf/${id}`;
