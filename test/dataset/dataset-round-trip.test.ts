/**
 * The download built back: papers → papershelf-archive.jsonl.gz → the ingest's reading,
 * validation, merging and enrichment → the same papers, field by field, addresses included, and
 * without a single warning. On the seed archive, on real arXiv entries, and on hostile text.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { datasetGzip } from '../../src/build/dataset/write-dataset.ts';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { enrichPapers } from '../../src/ingest/enrich/enrich-papers.ts';
import { loadTaxonomies } from '../../src/ingest/enrich/load-taxonomies.ts';
import type { Problem } from '../../src/messages/errors.ts';
import type { Paper } from '../../src/schema/paper.ts';
import type { Taxonomy } from '../../src/schema/taxonomy.ts';
import { buildArchive } from '../../src/site/archive/build-archive.ts';
import { catalogueInputs } from '../support/hostile-papers.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-round-trip-');
let files = 0;

/** Writes `entries` as a JSON Lines source; returns its path. */
function source(entries: readonly object[], name = 'entries.jsonl'): string {
  const file = join(work, `${(files += 1)}-${name}`);
  writeFileSync(file, entries.map((entry) => `${JSON.stringify(entry)}\n`).join(''));
  return file;
}

/** The papers of `sources` as ingest makes them, in the archive's order (newest first), and the problems on the way. */
async function ingest(sources: readonly string[], taxonomies: readonly Taxonomy[]): Promise<{ papers: Paper[]; problems: Problem[] }> {
  const collected = await collectEntries(sources);
  const papers = enrichPapers(collected.merged, { taxonomies: [...taxonomies] }).map(({ paper }) => paper);
  return { papers: buildArchive(papers, []).papers, problems: collected.problems.filter((problem) => problem.severity !== 'info') };
}

/** Writes the download of `papers`; returns its path. */
async function download(papers: readonly Paper[]): Promise<string> {
  const chunks: Uint8Array[] = [];
  for await (const chunk of datasetGzip(papers, 'https://example.org/')) chunks.push(chunk);
  const file = join(work, `${(files += 1)}-papershelf-archive.jsonl.gz`);
  writeFileSync(file, Buffer.concat(chunks));
  return file;
}

/**
 * Checks that the download of `archive`'s papers is ingested back as exactly those papers.
 * Reading it back may only repeat what reading the sources said about the papers themselves (a
 * tag sharing a page, a title that looks like mojibake): nothing is cleaned, cut or refused again.
 */
async function expectRoundTrip(
  archive: { papers: readonly Paper[]; problems: readonly Problem[] },
  taxonomies: readonly Taxonomy[],
): Promise<void> {
  const back = await ingest([await download(archive.papers)], taxonomies);
  const before = new Set(archive.problems.map((problem) => `${problem.severity}: ${problem.field}: ${problem.reason}`));
  expect(
    back.problems.map((problem) => `${problem.severity}: ${problem.field}: ${problem.reason}`).filter((said) => !before.has(said)),
  ).toEqual([]);
  expect(back.papers.map((paper) => paper.slug)).toEqual(archive.papers.map((paper) => paper.slug));
  for (const [n, paper] of back.papers.entries()) expect(paper, paper.slug).toEqual(archive.papers[n]);
}

const taxonomies = await loadTaxonomies(join(root, 'content', 'taxonomies.yaml'));

describe('an archive built back from its download', () => {
  it('has the seed archive’s papers, field by field', async () => {
    const seed = await ingest([join(root, 'content', 'sources', 'trending-page-2025-03-19.txt')], taxonomies);
    expect(seed.papers).toHaveLength(30);
    await expectRoundTrip(seed, taxonomies);
  });

  it('has real arXiv entries’ papers: ids, days, categories, code links, topics', async () => {
    const lines = readFileSync(join(root, '..', 'shared', 'data', 'arxiv-2026q1.jsonl'), 'utf8')
      .trim()
      .split('\n');
    const slice = [...lines.slice(0, 300), ...lines.slice(-300)].map((line) => JSON.parse(line) as object);
    const arxiv = await ingest([source(slice)], taxonomies);
    expect(arxiv.papers.length).toBeGreaterThan(500);
    expect(arxiv.papers.some((paper) => paper.code_url !== null && paper.categories.length > 1)).toBe(true);
    await expectRoundTrip(arxiv, taxonomies);
  });

  it('has hostile papers exactly: markup, TeX, control and bidirectional characters, every bibliographic field', async () => {
    const catalogue = catalogueInputs().map((input, n) => ({
      title: `${n}: ${input}`,
      authors: [input, 'Ada Lovelace'],
      abstract: input,
      tags: [input.slice(0, 80)],
      date: '2025-03-19',
    }));
    const bibliographic = {
      title: 'Proceedings: a “paper”',
      published: '2019-03',
      doi: 'doi:10.1000/XYZ-1',
      url: 'https://example.org/a b',
      project_url: 'https://example.org/project',
      hf_url: 'https://huggingface.co/papers/2501.00001',
      type: 'inproceedings',
      venue: 'Proc. of {X}',
      volume: 12,
      issue: 'S1',
      pages: '4171--4186',
      publisher: 'ACL',
      citekey: 'devlin2019bert',
      upvotes: 0,
    };
    const hostile = await ingest([join(root, 'e2e', 'fixtures', 'hostile.jsonl'), source([...catalogue, bibliographic])], []);
    // The catalogue's inputs as given, some with warnings (they are cleaned); what the archive keeps is what must come back.
    expect(hostile.papers.length).toBeGreaterThan(100);
    await expectRoundTrip(hostile, []);
  });

  it('has the papers of the other formats: BibTeX libraries, Hugging Face daily papers, arXiv feeds', async () => {
    const fixtures = join(root, 'test', 'fixtures', 'sources');
    const others = await ingest(
      [
        join(fixtures, 'bibtex-library', 'library.bib'),
        join(fixtures, 'bibtex-zotero', 'zotero.bib'),
        join(fixtures, 'hf-daily-papers', 'daily-papers.json'),
        join(fixtures, 'atom-feed', 'feed.atom'),
      ],
      taxonomies,
    );
    for (const field of ['type', 'venue', 'volume', 'pages', 'publisher', 'citekey', 'hf_url', 'doi', 'published'] as const)
      expect(
        others.papers.some((paper) => paper[field] !== null),
        field,
      ).toBe(true);
    await expectRoundTrip(others, taxonomies);
  });

  it('keeps addresses the archive gave that a fresh archive would not: a `-2` whose first holder left', async () => {
    // Two papers shared a title once; the first left the sources, the second kept `-2` for good.
    const [left, kept] = [
      { title: 'Same Title', authors: ['A'], date: '2025-03-18' },
      { title: 'Same Title', authors: ['B'], date: '2025-03-19' },
    ];
    const both = await ingest([source([left, kept])], []);
    const second = both.papers.find((paper) => paper.authors[0] === 'B')!;
    expect(second.slug).toBe('same-title-2');
    await expectRoundTrip({ papers: [second], problems: [] }, []);
  });

  it('gives a paper its own address when the one it asks for is taken, not one Papershelf gives, or reserved', async () => {
    const { papers, problems } = await ingest(
      [
        source([
          { id: '2501.00001', title: 'Holds it', date: '2025-03-19', slug: '2501.00001' },
          { title: 'Wants it', date: '2025-03-19', slug: '2501.00001' },
          { title: 'Escapes', date: '2025-03-19', slug: '../../etc' },
          { title: 'Reserved', date: '2025-03-19', slug: 'con' },
        ]),
      ],
      [],
    );
    expect(papers.map((paper) => paper.slug).sort()).toEqual(['2501.00001', 'escapes', 'reserved', 'wants-it']);
    expect(problems).toMatchObject([
      {
        severity: 'warning',
        line: 3,
        field: 'slug',
        reason:
          '`../../etc` is not an address Papershelf gives (a-z, 0-9, dots and hyphens, at most 100 characters); ignored, the paper gets its own',
      },
    ]);
  });

  it('keeps the address a download asks for when another source brings the same paper first', async () => {
    const [paper] = (await ingest([source([{ title: 'Same Title', authors: ['B'], date: '2025-03-19' }])], [])).papers;
    const moved = { ...paper!, slug: 'same-title-2' };
    const other = source([{ title: 'Same Title', authors: ['B'], date: '2025-03-19', upvotes: 3 }]);
    const { papers } = await ingest([other, await download([moved])], []);
    expect(papers.map((each) => [each.slug, each.upvotes])).toEqual([['same-title-2', 3]]);
  });
});
