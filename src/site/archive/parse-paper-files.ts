/** Paper files parsed and checked against the schema: the task that reads an archive on worker threads. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasNotes, splitMdx } from '../../ingest/emit/split-mdx.ts';
import { paperSchema, type Paper } from '../../schema/paper.ts';

/** The parsed paper and notes of one file's text; an invalid paper is an error naming the file and field. */
function parsePaperFile(file: string, text: string): { paper: Paper; notes: string | null } {
  const { frontMatter, notes } = splitMdx(text);
  const parsed = paperSchema.safeParse(frontMatter);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(
      `${file}: ${issue.path.join('.') || 'front matter'}: ${issue.message}\n` +
        'This paper file no longer matches the schema; run `papershelf ingest` to write it again, or fix the field by hand.',
    );
  }
  return { paper: parsed.data, notes: hasNotes(notes) ? notes : null };
}

/** The parsed paper and notes of each of the paper files `names` in `dir`: a task for `mapInWorkers`. */
export function parsePaperFiles({ dir }: { readonly dir: string }, names: readonly string[]): { paper: Paper; notes: string | null }[] {
  return names.map((name) => parsePaperFile(join(dir, name), readFileSync(join(dir, name), 'utf8')));
}
