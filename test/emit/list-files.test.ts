import { mkdirSync, writeFileSync } from 'node:fs';
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
});
