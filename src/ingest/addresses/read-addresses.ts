/** I/O: the address history of a content folder (address-file.ts); a folder without one has an empty history. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ADDRESS_FILE, parseAddresses, type ReadAddresses } from './address-file.ts';

/** Reads `<contentDir>/addresses.yaml`; throws one line with `file:line` and a hint when a hand edit broke it. */
export function readAddresses(contentDir: string): ReadAddresses & { readonly file: string; readonly exists: boolean } {
  const file = join(contentDir, ADDRESS_FILE);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    return { history: new Map(), lines: new Map(), file, exists: false };
  }
  return { ...parseAddresses(text, file), file, exists: true };
}
