/** Reading an archive: every paper file parsed (on worker threads when there are many), cached, and a bad file named with its field. */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArchiveData } from '../../src/site/archive/read-archive.ts';
import { paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { PROJECT_ROOT, PAPERS_FOLDER, TAXONOMY_FILE } from '../../src/settings/project-paths.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A content folder of `count` papers (enough for worker threads from 500 on). */
function contentOf(count: number): string {
  const dir = tempDir('papershelf-read-');
  mkdirSync(join(dir, PAPERS_FOLDER));
  copyFileSync(join(PROJECT_ROOT, 'content', TAXONOMY_FILE), join(dir, TAXONOMY_FILE));
  for (let n = 0; n < count; n += 1) {
    const slug = `p${String(n).padStart(4, '0')}`;
    const paper = makePaper(slug, '2025-03-01', { title: `Paper ${n}: "quoted" & <b>bold</b>`, abstract: `Abstract of ${n}.` });
    writeFileSync(join(dir, PAPERS_FOLDER, `${slug}.mdx`), paperToMdx(paper, n % 100 === 0 ? `Notes on ${n}.` : '', 'test'));
  }
  return dir;
}

describe('readArchiveData', () => {
  it('reads every paper and its notes, on worker threads, and the same again from its cache', async () => {
    const dir = contentOf(700);
    const cache = join(dir, 'read-cache.json');
    const first = await readArchiveData(dir, cache);
    expect(first.papers.map((paper) => paper.slug)).toEqual(Array.from({ length: 700 }, (_, n) => `p${String(n).padStart(4, '0')}`));
    expect(first.papers[5]!.title).toBe('Paper 5: "quoted" & <b>bold</b>');
    expect(Object.keys(first.notes)).toHaveLength(7);
    expect(first.notes['p0100']).toContain('Notes on 100.');
    expect(await readArchiveData(dir, cache)).toEqual(first);
    expect(await readArchiveData(dir)).toEqual(first);
  }, 60_000);

  it('names the file and the field of a paper that no longer matches the schema', async () => {
    const dir = contentOf(600);
    writeFileSync(join(dir, PAPERS_FOLDER, 'p0421.mdx'), '---\nslug: p0421\ntitle: No date\n---\n');
    await expect(readArchiveData(dir)).rejects.toThrow(/p0421\.mdx: \w+: .*\n.*papershelf ingest/);
  }, 60_000);
});
