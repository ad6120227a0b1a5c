/**
 * I/O: checks the notes of an archive's papers before a build renders them (check-note.ts), so
 * a note MDX cannot compile stops the build with one line naming its file and line, not with a
 * stack trace from Astro's render.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { hasNotes, splitMdx } from '../ingest/emit/split-mdx.ts';
import { sortProblems, type Problem } from '../messages/errors.ts';
import { checkNote } from './check-note.ts';
import { NotesError } from './note-problems.ts';

/**
 * The problems of the notes of the papers `slugs` (each the file `<slug>.mdx` of `papersDir`),
 * sorted by file and line; empty when every note compiles.
 */
export async function checkNotes(papersDir: string, slugs: Iterable<string>): Promise<Problem[]> {
  const problems: Problem[] = [];
  // One at a time: a compile is quick, and the checker keeps one record per file in flight.
  for (const slug of [...slugs].sort()) {
    const file = join(papersDir, `${slug}.mdx`);
    const { notes, notesLine } = splitMdx(await readFile(file, 'utf8'));
    if (hasNotes(notes)) problems.push(...(await checkNote({ file, notes, notesLine })));
  }
  return sortProblems(problems);
}

/** Throws a `NotesError` listing every problem of the notes of `slugs` in `papersDir`; see `checkNotes`. */
export async function assertNotesCompile(papersDir: string, slugs: Iterable<string>): Promise<void> {
  const problems = await checkNotes(papersDir, slugs);
  if (problems.length > 0) throw new NotesError(problems);
}
