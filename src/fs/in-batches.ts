/**
 * Working through many files a few dozen at a time: one at a time leaves the disk and libuv's
 * threads idle, all at once exhausts file handles and memory.
 */

/** Files worked on at once by default. */
export const BATCH = 64;

/** Runs `work` on every item, `size` at a time, in order of batches. */
export async function eachInBatches<Item>(items: readonly Item[], work: (item: Item) => Promise<void>, size = BATCH): Promise<void> {
  for (let start = 0; start < items.length; start += size) await Promise.all(items.slice(start, start + size).map(work));
}
