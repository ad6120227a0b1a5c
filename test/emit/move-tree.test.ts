import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveTree, removeFiles } from '../../src/fs/move-tree.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('moveTree', () => {
  it('moves a folder of 150,000 files in one rename and lists them all', async () => {
    const work = tempDir('papershelf-move-');
    const from = join(work, 'from');
    mkdirSync(join(from, 'papers'), { recursive: true });
    // One folder of many files: the case where a list of every path moved once overflowed the stack.
    for (let n = 0; n < 150_000; n += 1) writeFileSync(join(from, 'papers', `${n}.bib`), '');
    writeFileSync(join(from, 'index.html'), '');
    const moved = await moveTree(from, join(work, 'to'));
    expect(moved.length).toBe(150_001);
    expect(moved).toContain('papers/149999.bib');
  }, 120_000);

  it('merges into folders that exist, leaving the files already there', async () => {
    const work = tempDir('papershelf-move-');
    const from = join(work, 'from');
    const to = join(work, 'to');
    for (let n = 0; n < 300; n += 1) {
      mkdirSync(join(from, 'papers', `p${n}`), { recursive: true });
      writeFileSync(join(from, 'papers', `p${n}`, 'index.html'), `page ${n}`);
      writeFileSync(join(from, 'papers', `p${n}`, 'card.png'), 'new card');
      if (n % 2 === 0) {
        mkdirSync(join(to, 'papers', `p${n}`), { recursive: true });
        writeFileSync(join(to, 'papers', `p${n}`, 'card.png'), 'old card');
      }
    }
    const moved = await moveTree(from, to);
    expect(moved.sort()).toEqual(
      Array.from({ length: 300 }, (_, n) =>
        n % 2 === 0 ? [`papers/p${n}/index.html`] : [`papers/p${n}/card.png`, `papers/p${n}/index.html`],
      )
        .flat()
        .sort(),
    );
    expect(readFileSync(join(to, 'papers', 'p0', 'card.png'), 'utf8')).toBe('old card');
    expect(readFileSync(join(to, 'papers', 'p1', 'card.png'), 'utf8')).toBe('new card');
    expect(readFileSync(join(to, 'papers', 'p299', 'index.html'), 'utf8')).toBe('page 299');
    expect(existsSync(join(from, 'papers', 'p0', 'card.png'))).toBe(true);
  });

  it('with replace, puts each moved file in the place of the one there', async () => {
    const work = tempDir('papershelf-move-');
    const from = join(work, 'from');
    const to = join(work, 'to');
    mkdirSync(join(from, 'papers', 'a'), { recursive: true });
    mkdirSync(join(to, 'papers', 'a'), { recursive: true });
    writeFileSync(join(from, 'papers', 'a', 'index.html'), 'new');
    writeFileSync(join(to, 'papers', 'a', 'index.html'), 'old');
    writeFileSync(join(to, 'papers', 'a', 'cite.bib'), 'kept');
    expect(await moveTree(from, to, { replace: true })).toEqual(['papers/a/index.html']);
    expect(readFileSync(join(to, 'papers', 'a', 'index.html'), 'utf8')).toBe('new');
    expect(readFileSync(join(to, 'papers', 'a', 'cite.bib'), 'utf8')).toBe('kept');
  });
});

describe('removeFiles', () => {
  it('deletes the files and the folders they leave empty, and nothing else', async () => {
    const dir = tempDir('papershelf-remove-');
    for (const path of ['papers/gone/index.html', 'papers/gone/cite.bib', 'papers/kept/index.html', 'papers/kept/cite.bib', 'index.html']) {
      mkdirSync(join(dir, path, '..'), { recursive: true });
      writeFileSync(join(dir, path), path);
    }
    await removeFiles(dir, ['papers/gone/index.html', 'papers/gone/cite.bib', 'papers/kept/cite.bib', 'papers/never/there.html']);
    expect(existsSync(join(dir, 'papers', 'gone'))).toBe(false);
    expect(existsSync(join(dir, 'papers', 'kept', 'index.html'))).toBe(true);
    expect(existsSync(join(dir, 'papers', 'kept', 'cite.bib'))).toBe(false);
    expect(existsSync(join(dir, 'index.html'))).toBe(true);
  });
});
