import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { digestOf } from '../../src/build/offline/digest-files.ts';
import { writeDataFiles } from '../../src/build/data-files/write-data-files.ts';

describe('writeDataFiles', () => {
  let work = '';
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes every file into the folders it needs and gives each the digest a later read would', async () => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-page-files-'));
    const files = Array.from({ length: 1_203 }, (_, n) => ({
      path: `papers/p-${n % 401}/cite.${n < 401 ? 'bib' : n < 802 ? 'json' : 'txt'}`,
      text: `entry ${n} é`,
    }));
    const digests = await writeDataFiles(files, work);
    expect(digests.size).toBe(files.length);
    for (const file of [files[0]!, files[600]!, files.at(-1)!]) {
      const bytes = readFileSync(join(work, file.path));
      expect(bytes.toString('utf8')).toBe(file.text);
      expect(digests.get(file.path)).toEqual(digestOf(bytes, statSync(join(work, file.path)).mtimeMs));
    }
  });
});
