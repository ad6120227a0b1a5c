/**
 * The dates of a paper as listings use them. A paper has a listing day (`date`), a publication
 * date (`published`, `YYYY`, `YYYY-MM` or `YYYY-MM-DD`), or both (src/schema/paper.ts). Day and
 * week pages go by the listing day only; year pages, the search's Year filter and citations by
 * the publication date, falling back to the listing day's. Pure.
 */
import type { Paper } from '../schema/paper.ts';

type Dated = Pick<Paper, 'date' | 'published'>;

/**
 * A key that orders papers in time: the listing day, else the publication date at its own
 * precision (`2019` sorts before `2019-01-01`). Never shown as a day: a paper with only a year
 * is listed on no day.
 */
export const sortDate = (paper: Dated): string => paper.date ?? paper.published!;

/** The year the paper was published, else the year of its listing day: `2019`. */
export const publicationYear = (paper: Dated): string => (paper.published ?? paper.date!).slice(0, 4);

/** The month (`2019-03`) of a paper listed on no day whose publication month is known, else null. */
export const unlistedMonth = (paper: Dated): string | null =>
  paper.date === null && paper.published !== null && paper.published.length >= 7 ? paper.published.slice(0, 7) : null;
