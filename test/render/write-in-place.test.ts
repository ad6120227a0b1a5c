import fs, { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Readable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mkdirInPlace, writeFileInPlace } from '../../src/build/render/write-in-place.ts';

describe('writing in place', () => {
  let work = '';
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'papershelf-in-place-'));
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('makes folders as fs.promises.mkdir does, without calling it', async () => {
    const original = vi.fn(fs.promises.mkdir);
    const mkdir = mkdirInPlace(original as unknown as typeof fs.promises.mkdir);
    expect(await mkdir(join(work, 'a', 'b'), { recursive: true })).toBe(join(work, 'a'));
    expect(await mkdir(join(work, 'a', 'b'), { recursive: true })).toBeUndefined();
    await mkdir(pathToFileURL(join(work, 'c')));
    expect(statSync(join(work, 'a', 'b')).isDirectory() && statSync(join(work, 'c')).isDirectory()).toBe(true);
    await expect(mkdir(join(work, 'c'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(original).not.toHaveBeenCalled();
  });

  it('writes strings and bytes as fs.promises.writeFile does, without calling it', async () => {
    const original = vi.fn(fs.promises.writeFile);
    const writeFile = writeFileInPlace(original as unknown as typeof fs.promises.writeFile);
    await writeFile(join(work, 'page.html'), '<p>é</p>');
    await writeFile(pathToFileURL(join(work, 'card.png')), new Uint8Array([1, 2, 3]));
    await writeFile(join(work, 'page.html'), 'more', { flag: 'a' });
    expect(readFileSync(join(work, 'page.html'), 'utf8')).toBe('<p>é</p>more');
    expect([...readFileSync(join(work, 'card.png'))]).toEqual([1, 2, 3]);
    await expect(writeFile(join(work, 'missing', 'x.html'), 'x')).rejects.toMatchObject({ code: 'ENOENT' });
    expect(original).not.toHaveBeenCalled();
  });

  it('leaves streams, file handles and abort signals to Node', async () => {
    const original = vi.fn(fs.promises.writeFile);
    const writeFile = writeFileInPlace(original as unknown as typeof fs.promises.writeFile);
    await writeFile(join(work, 'streamed.txt'), Readable.from(['a', 'b']));
    const handle = await fs.promises.open(join(work, 'handled.txt'), 'w');
    await writeFile(handle, 'h');
    await handle.close();
    await writeFile(join(work, 'signalled.txt'), 's', { signal: new AbortController().signal });
    expect(original).toHaveBeenCalledTimes(3);
    expect(readFileSync(join(work, 'streamed.txt'), 'utf8')).toBe('ab');
    expect(readFileSync(join(work, 'handled.txt'), 'utf8')).toBe('h');
  });
});
