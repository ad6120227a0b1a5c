import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { listFiles } from '../../src/fs/list-files.ts';
import { writeZip } from '../../src/portable/write-zip.ts';

const work = mkdtempSync(join(tmpdir(), 'papershelf-zip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('writeZip', () => {
  it('holds every file of the folder, byte for byte, under one top folder, and is reproducible', async () => {
    const dir = join(work, 'site');
    mkdirSync(join(dir, 'papers', 'a'), { recursive: true });
    mkdirSync(join(dir, 'pagefind', 'index'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>é</title>');
    writeFileSync(join(dir, 'papers', 'a', 'index.html'), 'x'.repeat(100_000));
    writeFileSync(join(dir, 'pagefind', 'index', 'en_1.pf_index.js'), new Uint8Array([0, 1, 2, 255]));
    writeFileSync(join(dir, 'empty.txt'), '');

    const count = await writeZip(dir, join(work, 'shelf.zip'));
    const entries = unzipSync(readFileSync(join(work, 'shelf.zip')));
    const files = await listFiles(dir);
    expect(count).toBe(files.length);
    expect(Object.keys(entries).sort()).toEqual(files.map((file) => `shelf/${file}`));
    for (const file of files) expect(Buffer.from(entries[`shelf/${file}`]!)).toEqual(readFileSync(join(dir, file)));

    // The same folder gives the same bytes, and no temporary file is left beside the zip.
    mkdirSync(join(work, 'again'));
    await writeZip(dir, join(work, 'again', 'shelf.zip'));
    expect(readFileSync(join(work, 'again', 'shelf.zip'))).toEqual(readFileSync(join(work, 'shelf.zip')));
    expect(readdirSync(work).sort()).toEqual(['again', 'shelf.zip', 'site']);
    expect(readdirSync(join(work, 'again'))).toEqual(['shelf.zip']);
  });
});
