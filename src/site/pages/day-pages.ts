/** One page per listing day (the home page shows the latest). Pure. */
import type { Archive, Day } from '../archive/build-archive.ts';
import { summarize, type DayPageProps, type SitePage } from './page-props.ts';

/** The data of a day's listing (also the home page's, for the latest day). */
export function dayProps(archive: Archive, day: Day): DayPageProps {
  const { previous, next } = archive.adjacentDays(day.date);
  return {
    date: day.date,
    papers: day.papers.map((paper) => summarize(paper, archive.authorSlug)),
    previousDate: previous?.date ?? null,
    nextDate: next?.date ?? null,
  };
}

/** One page per day. */
export function dayPages(archive: Archive): SitePage<DayPageProps>[] {
  return archive.days.map((day) => ({ path: `days/${day.date}/`, params: { date: day.date }, props: dayProps(archive, day) }));
}
