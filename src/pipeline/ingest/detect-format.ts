import { extname } from 'node:path';

/** The source formats Papershelf reads. */
export const FORMATS = ['jsonl', 'json', 'trending-page'] as const;
/** One of the source formats. */
export type Format = (typeof FORMATS)[number];

/**
 * Picks a file's format: by extension first (`.jsonl`/`.ndjson`, `.json`, `.txt`), then by
 * content (JSON Lines when the first two non-blank lines each hold an object). Returns null
 * when neither decides, so the caller can ask for `--format`.
 */
export function detectFormat(file: string, text: string): Format | null {
  const ext = extname(file).toLowerCase();
  if (ext === '.jsonl' || ext === '.ndjson') return 'jsonl';
  if (ext === '.json') return 'json';
  if (ext === '.txt') return 'trending-page';
  const lines = text.split('\n', 50).map((line) => line.trim()).filter((line) => line !== '');
  const first = lines[0] ?? '';
  if (first.startsWith('{') && first.endsWith('}') && (lines[1] ?? '{').startsWith('{')) return 'jsonl';
  if (first.startsWith('[') || first.startsWith('{')) return 'json';
  return null;
}
