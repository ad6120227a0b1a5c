import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/fs/list-files.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('listFiles', () => {
  it('lists files relative to the folder, however the folder is written', async () => {
    const dir = tempDir('papershelf-list-');
    mkdirSync(join(dir, 'papers', 'a'), { recursive: true });
    writeFileSync(join(dir, '404.html'), '');
    writeFileSync(join(dir, 'papers', 'a', 'index.html'), '');
    const expected = ['404.html', 'papers/a/index.html'];
    expect(await listFiles(dir)).toEqual(expected);
    expect(await listFiles(`${dir}/`)).toEqual(expected);
  });

  it('walks every depth, sorts by path, and leaves out empty folders and symbolic links', async () => {
    const dir = tempDir('papershelf-list-');
    mkdirSync(join(dir, 'b', 'c', 'd'), { recursive: true });
    mkdirSync(join(dir, 'empty'));
    for (const path of ['b/c/d/deep.txt', 'b/z.txt', 'a.txt', 'b.txt', 'b/c/x.txt']) writeFileSync(join(dir, path), '');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'link.txt'));
    symlinkSync(join(dir, 'b'), join(dir, 'linked-folder'));
    expect(await listFiles(dir)).toEqual(['a.txt', 'b.txt', 'b/c/d/deep.txt', 'b/c/x.txt', 'b/z.txt']);
  });

  it('rejects for a folder that does not exist', async () => {
    await expect(listFiles(join(tempDir('papershelf-list-'), 'missing'))).rejects.toThrow(/ENOENT/);
  });
});
