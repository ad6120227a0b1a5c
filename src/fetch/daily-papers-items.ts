/** What a Hugging Face daily-papers response is: a JSON array of items, each with a `paper` object. */

/** One item of a daily-papers response, kept as the API sent it. */
export type DailyItem = Readonly<Record<string, unknown>>;

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** True when `value` is a daily-papers array: every item an object holding a `paper` object. */
export function isDailyItems(value: unknown): value is DailyItem[] {
  return Array.isArray(value) && value.every((item) => isObject(item) && isObject(item['paper']));
}

/** The paper id of an item (`2512.01234`), or undefined when it has none. */
export function paperId(item: DailyItem): string | undefined {
  const id = (item['paper'] as Record<string, unknown> | undefined)?.['id'];
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** Reads a response body; throws when it is cut off or not a daily-papers array, so the request is tried again. */
export function readDailyItems(body: string): DailyItem[] {
  const value: unknown = JSON.parse(body);
  if (!isDailyItems(value)) throw new Error('expected a JSON array of items with a "paper" object');
  return value;
}

/** How a day's file is written: the same items give the same bytes. */
export const serializeDailyItems = (items: readonly DailyItem[]): string => `${JSON.stringify(items, null, 2)}\n`;
