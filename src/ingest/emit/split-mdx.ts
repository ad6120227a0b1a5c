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

/** A paper file cut at its front matter fences, nothing parsed; `yaml` is null when there is no front matter. */
export interface MdxCut {
  readonly yaml: string | null;
  readonly notes: string;
}

/**
 * Cuts `---\n<yaml>---\n<notes>` without parsing the YAML: what re-ingest needs of a file the
 * emitter wrote, whose notes are all it keeps. A file without front matter is all notes.
 */
export function cutMdx(text: string): MdxCut {
  const body = text.startsWith('\ufeff') ? text.slice(1) : text;
  if (!body.startsWith('---\n')) return { yaml: null, notes: body };
  const close = body.indexOf('\n---\n', 3);
  const end = close === -1 && body.endsWith('\n---') ? body.length - 3 : close;
  if (end === -1) return { yaml: null, notes: body };
  return { yaml: body.slice(4, end + 1), notes: body.slice(end + 5) };
}

/** Splits `---\n<yaml>---\n<notes>`; a file without front matter is all notes. */
export function splitMdx(text: string): MdxParts {
  const { yaml, notes } = cutMdx(text);
  if (yaml === null) return { frontMatter: {}, notes, notesLine: 1 };
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
