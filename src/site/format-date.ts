/**
 * Dates are calendar days, not instants: they are formatted in UTC so no reader's time zone
 * can move a paper to the day before.
 */
const LONG = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const SHORT = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'long', timeZone: 'UTC' });

const toDate = (day: string) => new Date(`${day}T00:00:00Z`);

/**
 * `format` remembered day by day: an archive has a few hundred days and its pages name them
 * hundreds of thousands of times (every listing entry, every related paper), and each
 * `Intl.DateTimeFormat` call costs far more than a lookup.
 */
function byDay(format: Intl.DateTimeFormat): (day: string) => string {
  const formatted = new Map<string, string>();
  return (day) => {
    let text = formatted.get(day);
    if (text === undefined) formatted.set(day, (text = format.format(toDate(day))));
    return text;
  };
}

/** `2025-03-19` → `19 March 2025`. */
export const formatDay = byDay(LONG);
/** `2025-03-19` → `19 Mar`. */
export const formatShortDay = byDay(SHORT);
/** `2025-03-19` → `Wednesday`. */
export const formatWeekday = byDay(WEEKDAY);
/** `2025-03-19` → `2025/03/19`, the form Highwire `citation_publication_date` expects. */
export const citationDate = (day: string): string => day.replaceAll('-', '/');

const MONTH = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2024` → `2024`, `2024-03` → `March 2024`, `2024-03-05` → `5 March 2024`: no more precise than the source. */
export function formatPartialDate(value: string): string {
  if (value.length === 4) return value;
  if (value.length === 7) return MONTH.format(new Date(`${value}-01T00:00:00Z`));
  return formatDay(value);
}
