import { mkdirSync, writeFileSync } from 'node:fs';
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
});
