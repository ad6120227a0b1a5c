/**
 * A Pagefind data file as a classic script: `__pf_put("<path>", "<base64>")`. Only the path
 * (Pagefind's own hashed file names) and base64 of the file's bytes go into the script, so no
 * entry text can ever be read as code.
 */
import { PUT_GLOBAL } from './portable-names.ts';

/** The wrapper script for the file at `path` (relative to the archive root: `pagefind/index/…`, `pagefind-2/…`) holding `bytes`. */
export function wrapDataFile(path: string, bytes: Uint8Array): string {
  return `${PUT_GLOBAL}(${JSON.stringify(path)},"${Buffer.from(bytes).toString('base64')}");\n`;
}
