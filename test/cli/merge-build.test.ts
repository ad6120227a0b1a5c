/**
 * A Hugging Face daily-papers file, an arXiv Atom feed and a BibTeX library that share papers
 * build into one page per paper, each with the union of what the three sources know.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'merge');
const out = join(tempDir('papershelf-merge-'), 'site');
let run: CliRun;

const page = (slug: string) => readFileSync(join(out, 'papers', slug, 'index.html'), 'utf8');

beforeAll(() => {
  run = runCli(['build', join(fixtures, 'daily-papers.json'), join(fixtures, 'feed.atom'), join(fixtures, 'library.bib'), '--out', out]);
});

describe('building three formats that share papers', () => {
  it('succeeds and reports each merge', () => {
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.split('\n').at(-2)).toBe(
      '16 entries read, 8 added, 0 updated, 0 unchanged, 8 duplicates merged, 0 invalid, 9 warnings',
    );
    expect(run.stderr).toMatch(/library\.bib:5: id: warning: the same paper as .*daily-papers\.json:2 \(same arXiv id\)/);
  });

  it('gives one page per paper', () => {
    expect(
      readdirSync(join(out, 'papers'))
        .filter((name) => !name.endsWith('.md'))
        .sort(),
    ).toEqual(['0711.0189', '1706.03762', '2501.00663', '2501.04519', '2501.12948', '2501.17161', '2501.19393', 'hep-th-9711200']);
  });

  it('unites the facts of every source on the page', () => {
    const titans = page('2501.00663');
    // Authors from the daily papers (and BibTeX), the code link only the Atom comment had,
    // the DOI and keyword tags only BibTeX had, categories from the feed, arXiv links from the id.
    expect(titans).toContain('<meta name="citation_author" content="Ali Behrouz">');
    expect(titans).toContain('href="https://github.com/lucidrains/titans-pytorch"');
    expect(titans).toContain('<meta name="citation_doi" content="10.48550/arXiv.2501.00663">');
    expect(titans).toContain('href="https://arxiv.org/abs/2501.00663"');
    expect(titans).toContain('href="https://arxiv.org/pdf/2501.00663"');
    expect(titans).toMatch(/href="\/categories\/cs\.lg\/"[^>]*>cs\.LG</);
    expect(titans).toMatch(/href="\/tags\/long-context\/"[^>]*>long context</);
    expect(titans).not.toContain('>Paper page<');
  });

  it('keeps the newest version of a paper listed twice in the feed', () => {
    expect(run.stderr).toContain('feed.atom:45: id: warning: `2501.04519` appears again at line 66; v1 dropped, v2 kept');
  });
});
