import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { moveTree } from '../../src/fs/move-tree.ts';
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
      Array.from({ length: 300 }, (_, n) => (n % 2 === 0 ? [`papers/p${n}/index.html`] : [`papers/p${n}/card.png`, `papers/p${n}/index.html`])).flat().sort(),
    );
    expect(readFileSync(join(to, 'papers', 'p0', 'card.png'), 'utf8')).toBe('old card');
    expect(readFileSync(join(to, 'papers', 'p1', 'card.png'), 'utf8')).toBe('new card');
    expect(readFileSync(join(to, 'papers', 'p299', 'index.html'), 'utf8')).toBe('page 299');
    expect(existsSync(join(from, 'papers', 'p0', 'card.png'))).toBe(true);
  });
});
