/**
 * I/O: a file replaced whole or not at all. The text is written to a hidden file beside it
 * (ingest skips names starting with `.`), flushed to disk and renamed over the target, so a run
 * killed or failing halfway leaves the old file as it was.
 */
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/** Writes `text` to `file` atomically: readers see the old file or the new one, never a part. */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  const draft = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    const handle = await open(draft, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(draft, file);
  } catch (error) {
    await rm(draft, { force: true });
    throw error;
  }
}
