/** `linkFiles` on a file system without hard links (FAT and exFAT, as on USB sticks) copies instead. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';

const refuse = vi.hoisted(() => ({ code: '' }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs/promises')>();
  return {
    ...fs,
    link: async (from: string, to: string) => {
      if (refuse.code) throw Object.assign(new Error(`${refuse.code}: link`), { code: refuse.code, syscall: 'link' });
      return fs.link(from, to);
    },
  };
});
const { linkFiles } = await import('../../src/fs/move-tree.ts');

describe('linkFiles', () => {
  it('copies the files where hard links are refused, and still fails on any other error', async () => {
    const work = tempDir('papershelf-link-');
    mkdirSync(join(work, 'from', 'papers', 'x'), { recursive: true });
    writeFileSync(join(work, 'from', 'papers', 'x', 'index.html'), 'page');
    writeFileSync(join(work, 'from', 'index.html'), 'home');
    refuse.code = 'EPERM';
    await linkFiles(join(work, 'from'), join(work, 'to'), ['index.html', 'papers/x/index.html']);
    expect(readFileSync(join(work, 'to', 'papers', 'x', 'index.html'), 'utf8')).toBe('page');
    expect(readFileSync(join(work, 'to', 'index.html'), 'utf8')).toBe('home');
    refuse.code = 'EIO';
    await expect(linkFiles(join(work, 'from'), join(work, 'again'), ['index.html'])).rejects.toThrow('EIO');
  });
});
