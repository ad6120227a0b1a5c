/** Ingest end to end on a private content folder: idempotent, notes kept, removals honoured. */
import { cpSync, readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { readArchiveData } from '../../src/site/archive/read-archive.ts';
import { ingestSources } from '../../src/ingest/ingest-sources.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const seed = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
let content: string;
let papers: string;

const snapshot = () =>
  Object.fromEntries(
    readdirSync(papers)
      .sort()
      .map((name) => [name, readFileSync(join(papers, name), 'utf8')]),
  );

beforeEach(() => {
  content = tempDir('papershelf-ingest-');
  papers = join(content, 'papers');
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
});

describe('ingestSources', () => {
  it('writes one file per paper and nothing else but the paper index', async () => {
    const { written } = await ingestSources([seed], { contentDir: content });
    expect(written).toMatchObject({ added: 30, updated: 0, unchanged: 0, removed: 0 });
    expect(readdirSync(papers)).toHaveLength(30);
    expect(readdirSync(content).sort()).toEqual(['.papers-index.json', 'papers', 'taxonomies.yaml']);
  });

  it('hands a build what its files read back as, for each file it wrote without notes', async () => {
    const sources = [
      'trending-seed/trending-page-2025-03-19.txt',
      'jsonl-slice/papers.jsonl',
      'bibtex-library/library.bib',
      'atom-feed/feed.atom',
    ];
    const files = sources.map((source) => join(root, 'test', 'fixtures', 'sources', source));
    const { written } = await ingestSources(files, { contentDir: content });
    expect(written!.fresh.size).toBe(written!.added);
    const parsed = await readArchiveData(content);
    const handed = await readArchiveData(content, undefined, written!.fresh);
    expect(JSON.stringify(handed.papers)).toBe(JSON.stringify(parsed.papers));
    // A file changed after the ingest is read again, not taken from what the ingest knew.
    const [name] = [...written!.fresh.keys()];
    const file = join(papers, name!);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: Edited by hand, and longer'));
    const edited = await readArchiveData(content, undefined, written!.fresh);
    expect(edited.papers.map((paper) => paper.title)).toContain('Edited by hand, and longer');
  });

  it('changes no byte when the same sources are ingested again', async () => {
    await ingestSources([seed], { contentDir: content });
    const first = snapshot();
    const { written } = await ingestSources([seed], { contentDir: content });
    expect(written).toMatchObject({ added: 0, updated: 0, unchanged: 30, removed: 0 });
    expect(snapshot()).toEqual(first);
  });

  it('gives the same bytes in a fresh folder (deterministic output)', async () => {
    await ingestSources([seed], { contentDir: content });
    const first = snapshot();
    const other = tempDir('papershelf-ingest-');
    cpSync(join(content, 'taxonomies.yaml'), join(other, 'taxonomies.yaml'));
    await ingestSources([seed], { contentDir: other });
    papers = join(other, 'papers');
    expect(snapshot()).toEqual(first);
  });

  it('keeps hand-written notes when the front matter is rewritten', async () => {
    await ingestSources([seed], { contentDir: content });
    const file = join(papers, 'successor-heads-recurring-interpretable-attention-heads-in-the-wild.mdx');
    const notes = '\nRead this for the reading group. <em>Good</em> {1 + 1}\n';
    writeFileSync(file, readFileSync(file, 'utf8').replace('topics:', 'topics_old:') + notes);
    const { written } = await ingestSources([seed], { contentDir: content });
    expect(written).toMatchObject({ updated: 1, unchanged: 29 });
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith(`---\n${notes}`)).toBe(true);
    expect(text).toContain('  topics:\n');
  });

  it('removes the files of papers that left the sources, and sets aside notes', async () => {
    await ingestSources([seed], { contentDir: content });
    const noted = join(papers, 'titans-learning-to-memorize-at-test-time.mdx');
    writeFileSync(noted, `${readFileSync(noted, 'utf8')}My notes.\n`);
    const smaller = join(content, 'two-papers-2025-03-19.txt');
    const blocks = readFileSync(seed, 'utf8').split('\n\n');
    writeFileSync(smaller, [...blocks.slice(0, 5), ...blocks.slice(5, 9)].join('\n\n'));
    const { written } = await ingestSources([smaller], { contentDir: content });
    expect(written).toMatchObject({ added: 0, unchanged: 0, removed: 28 });
    expect(readdirSync(papers)).toHaveLength(2);
    expect(written?.orphanedNotes).toEqual([join(content, 'orphaned-notes', 'titans-learning-to-memorize-at-test-time.mdx')]);
    expect(readFileSync(written!.orphanedNotes[0]!, 'utf8')).toContain('My notes.');
  });

  it('writes nothing when an entry is invalid', async () => {
    const bad = join(content, 'bad.jsonl');
    writeFileSync(bad, '{"title": "Fine", "date": "2025-01-01"}\n{"title": "No date"}\n');
    const { written, collected } = await ingestSources([bad], { contentDir: content });
    expect(written).toBeNull();
    expect(collected.invalid).toBe(1);
    expect(existsSync(papers)).toBe(false);
  });
});
