/**
 * The `notes` collection: the paper files of `content/papers/` that carry hand-written notes,
 * handed to Astro's MDX pipeline (`deferredRender`) so the notes render as MDX. Papers without
 * notes are left out: their pages get their data from the render plan or `getArchive`
 * (src/site/archive/read-archive.ts says why), so a paper without notes costs no MDX compile, no JS
 * module and no store entry. A run with a render plan loads just the notes of the pages it renders.
 *
 * Without a plan (`astro dev`, a plain `astro build`), every note is checked as it is read
 * (src/notes/check-note.ts), so a note MDX cannot compile fails the load with one line per
 * problem, naming its file and line, before anything renders. `papershelf build` checks the
 * notes itself before it starts Astro, and a plan's notes are those it checked.
 */
import { readdir, readFile } from 'node:fs/promises';
import { isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Loader } from 'astro/loaders';
import { hasNotes, splitMdx } from '../ingest/emit/split-mdx.ts';
import { readPlanNotes } from '../build/render/render-plan.ts';
import { checkNote } from '../notes/check-note.ts';
import { NotesError } from '../notes/note-problems.ts';
import { sortProblems, type Problem } from '../messages/errors.ts';

/** A paper with notes: its front matter and the notes below it. */
interface NotedPaper {
  readonly id: string;
  readonly frontMatter: Record<string, unknown>;
  readonly notes: string;
}

/** A quick test before parsing: text after the front matter's closing line, other than white space. */
function mayHaveNotes(text: string): boolean {
  const close = text.indexOf('\n---\n', 3);
  return close === -1 || /\S/.test(text.slice(close + 5));
}

/** The papers with notes in `folder`, found by reading every file; throws a `NotesError` when a note has problems. */
async function scanFolder(folder: string): Promise<NotedPaper[]> {
  const files = (await readdir(folder).catch(() => [] as string[])).filter((name) => name.endsWith('.mdx')).sort();
  const noted: NotedPaper[] = [];
  const problems: Problem[] = [];
  for (const name of files) {
    const file = join(folder, name);
    const text = await readFile(file, 'utf8');
    if (!mayHaveNotes(text)) continue;
    const { frontMatter, notes, notesLine } = splitMdx(text);
    if (!hasNotes(notes)) continue;
    problems.push(...(await checkNote({ file, notes, notesLine })));
    noted.push({ id: name.slice(0, -'.mdx'.length), frontMatter: frontMatter as Record<string, unknown>, notes });
  }
  if (problems.length > 0) throw new NotesError(sortProblems(problems));
  return noted;
}

/** The papers with notes among the pages of a render plan, with no file read again. */
function fromPlan(): NotedPaper[] | null {
  const planned = readPlanNotes();
  return planned && Object.entries(planned).map(([id, { paper, notes }]) => ({ id, frontMatter: { ...paper }, notes }));
}

/** The loader's name, by which `astro dev` asks it to load again (src/integrations/watch-content.ts). */
export const NOTES_LOADER = 'papershelf-papers';

/** Loads paper files from `dir` (absolute, or relative to the project root). */
export function notesLoader({ dir }: { dir: string }): Loader {
  return {
    name: NOTES_LOADER,
    load: async ({ store, parseData, generateDigest, config }) => {
      const root = fileURLToPath(config.root);
      const folder = isAbsolute(dir) ? dir : join(root, dir);
      const noted = fromPlan() ?? (await scanFolder(folder));
      const untouched = new Set(store.keys());
      for (const { id, frontMatter, notes } of noted) {
        untouched.delete(id);
        const digest = generateDigest({ frontMatter, notes });
        if (store.get(id)?.digest === digest) continue;
        const filePath = relative(root, join(folder, `${id}.mdx`));
        const data = await parseData({ id, data: frontMatter, filePath });
        store.set({ id, data, digest, filePath, body: notes, deferredRender: true });
      }
      untouched.forEach((id) => store.delete(id));
    },
  };
}
