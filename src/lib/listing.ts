/** Papers per page of a term listing. Long enough to scan, short enough to stay light. */
export const TERM_PAGE_SIZE = 50;
