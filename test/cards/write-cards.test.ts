import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BuildRecord } from '../../src/build/render/build-record.ts';
import { writeCards } from '../../src/build/cards/write-cards.ts';
import { digestFiles } from '../../src/build/offline/digest-files.ts';
import { paperCardPath, SITE_CARD_PATH } from '../../src/site/social-card.ts';
import { makePaper } from '../support/make-paper.ts';
import { readPng } from './read-png.ts';

const root = mkdtempSync(join(tmpdir(), 'papershelf-cards-'));
const papers = Array.from({ length: 6 }, (_, index) =>
  makePaper(`paper-${index}`, '2025-03-19', { title: `Paper number ${index}`, authors: ['Ada Lovelace'] }),
);

/** The record a build would leave: the cards' hashes and every card file's digest. */
function recordOf(dir: string, hashes: Record<string, string>): BuildRecord {
  const paths = Object.keys(hashes);
  const digests = digestFiles(
    { dir },
    paths.map((path) => ({ path })),
  );
  return { pages: {}, search: {}, cards: hashes, files: Object.fromEntries(paths.map((path, index) => [path, digests[index]!])) };
}

describe('writing the cards of a build', () => {
  it('draws the site’s card and one per paper', async () => {
    const into = join(root, 'first');
    const written = await writeCards(papers, { into, threads: 0 });
    expect(written).toMatchObject({ cards: 7, drawn: 7 });
    expect(Object.keys(written.hashes)).toEqual([SITE_CARD_PATH, ...papers.map((paper) => paperCardPath(paper.slug))]);
    expect(readPng(readFileSync(join(into, paperCardPath('paper-0')))).width).toBeGreaterThan(0);
  });

  it('leaves the cards whose text did not change in the last build and draws only the others', async () => {
    const first = join(root, 'before');
    const before = await writeCards(papers, { into: first, threads: 0 });
    const changed = papers.map((paper, index) => (index === 2 ? { ...paper, title: 'A new title' } : paper));
    const second = join(root, 'after');
    const after = await writeCards(changed, { into: second, threads: 0, previous: { dir: first, record: recordOf(first, before.hashes) } });
    expect(after.drawn).toBe(1);
    expect(after.reused).toEqual([SITE_CARD_PATH, ...papers.filter((_, index) => index !== 2).map((paper) => paperCardPath(paper.slug))]);
    expect(existsSync(join(second, paperCardPath('paper-0')))).toBe(false);
    expect(readFileSync(join(second, paperCardPath('paper-2'))).equals(readFileSync(join(first, paperCardPath('paper-2'))))).toBe(false);
  });

  it('draws again a card whose file in the last build was changed since', async () => {
    const first = join(root, 'touched');
    const before = await writeCards(papers, { into: first, threads: 0 });
    const record = recordOf(first, before.hashes);
    const tampered = {
      ...record,
      files: { ...record.files, [paperCardPath('paper-1')]: { ...record.files[paperCardPath('paper-1')]!, size: 1 } },
    };
    const after = await writeCards(papers, { into: join(root, 'touched-after'), threads: 0, previous: { dir: first, record: tampered } });
    expect(after.drawn).toBe(1);
  });

  it('writes the same bytes on a worker thread as in this one', async () => {
    const here = join(root, 'here');
    const there = join(root, 'there');
    await writeCards(papers, { into: here, threads: 0 });
    await writeCards(papers, { into: there, threads: 2 });
    for (const paper of papers)
      expect(readFileSync(join(there, paperCardPath(paper.slug))).equals(readFileSync(join(here, paperCardPath(paper.slug))))).toBe(true);
  });
});
