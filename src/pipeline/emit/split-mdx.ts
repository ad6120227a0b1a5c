/**
 * Splits a paper file into its front matter and its notes. The notes are everything after the
 * closing `---` line, byte for byte, so re-ingest can put them back untouched.
 */
import { parse } from 'yaml';

/** A paper file's parts: parsed front matter (unvalidated) and the notes below it. */
export interface MdxParts {
  readonly frontMatter: unknown;
  readonly notes: string;
  /** 1-based line where the notes start, for error messages about them. */
  readonly notesLine: number;
}

/** Splits `---\n<yaml>---\n<notes>`; a file without front matter is all notes. */
export function splitMdx(text: string): MdxParts {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (!body.startsWith('---\n')) return { frontMatter: {}, notes: body, notesLine: 1 };
  const close = body.indexOf('\n---\n', 3);
  const end = close === -1 && body.endsWith('\n---') ? body.length - 3 : close;
  if (end === -1) return { frontMatter: {}, notes: body, notesLine: 1 };
  const yaml = body.slice(4, end + 1);
  const notes = body.slice(end + 5);
  return {
    frontMatter: parse(yaml, { version: '1.1' }) ?? {},
    notes,
    notesLine: yaml.split('\n').length + 2,
  };
}

/** True when the notes hold anything a reader would see (white space does not count). */
export function hasNotes(notes: string): boolean {
  return notes.trim() !== '';
}
