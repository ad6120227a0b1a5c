/** The content collection's loader checks every note it reads, so `astro dev` and `astro build` fail on a bad note before rendering. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { notesLoader } from '../../src/loaders/notes-loader.ts';
import { NotesError } from '../../src/notes/note-problems.ts';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

/** Loads `dir` as Astro would, into a plain map. */
async function load(dir: string): Promise<Map<string, { body?: string | undefined }>> {
  const entries = new Map<string, { body?: string | undefined; digest?: string | number | undefined }>();
  const store = {
    keys: () => [...entries.keys()],
    get: (id: string) => entries.get(id),
    set: (entry: { id: string; body?: string; digest?: string | number }) => (entries.set(entry.id, entry), true),
    delete: (id: string) => void entries.delete(id),
  };
  const context = {
    store,
    parseData: async ({ data }: { data: unknown }) => data,
    generateDigest: (value: unknown) => JSON.stringify(value),
    config: { root: pathToFileURL(`${dir}/`) },
  } as unknown as LoaderContext;
  await notesLoader({ dir }).load(context);
  return entries;
}

describe('notesLoader', () => {
  it('loads the papers that have notes, math and all', async () => {
    const dir = tempDir('papershelf-loader-');
    writeFileSync(join(dir, 'a.mdx'), paperToMdx(makePaper('a', '2025-03-19'), '\nUses $\\frac{a}{b}$.\n', 'x:1'));
    writeFileSync(join(dir, 'b.mdx'), paperToMdx(makePaper('b', '2025-03-19'), '', 'x:2'));
    const entries = await load(dir);
    expect([...entries.keys()]).toEqual(['a']);
    expect(entries.get('a')?.body).toBe('\nUses $\\frac{a}{b}$.\n');
  });

  it('fails with one line per problem, naming the file and line, before anything renders', async () => {
    const dir = tempDir('papershelf-loader-');
    writeFileSync(join(dir, 'a.mdx'), paperToMdx(makePaper('a', '2025-03-19'), '\nWe keep the {low} end.\n', 'x:1'));
    writeFileSync(join(dir, 'b.mdx'), paperToMdx(makePaper('b', '2025-03-19'), '\nFine.\n\n<div\n', 'x:2'));
    const failure = await load(dir).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(NotesError);
    const lines = (failure as NotesError).message.split('\n');
    expect(lines.map((line) => line.replace(dir, '<papers>').replace(/: notes: (.{30}).*$/, ': notes: $1…'))).toEqual([
      '<papers>/a.mdx:21: notes: `{low}` is read as code, and `…',
      '<papers>/b.mdx:23: notes: not valid MDX: Unexpected char…',
    ]);
  });
});
