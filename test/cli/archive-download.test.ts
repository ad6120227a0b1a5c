/**
 * The archive as one download, end to end with the real command: `papershelf build` writes
 * papershelf-archive.jsonl.gz, links it from every page (and says its size on the home page),
 * and builds it back into the same archive — same papers, addresses and citation files. An
 * incremental build keeps the very file while the papers stay the same and writes it again
 * when a paper is added; `ingest` and `check` read it too, and a damaged copy is one line.
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from './run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-download-');
const seed = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
const DOWNLOAD = 'papershelf-archive.jsonl.gz';
const base = ['--site', 'https://example.org', '--base', '/shelf/'];

/** Runs `papershelf <args>` and expects it to succeed without a word on standard error. */
function succeed(args: readonly string[], env: Record<string, string> = {}): string {
  const run = runCli(args, work, env);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return run.stdout;
}

/** The papers' folders of the archive in `dir`, and the text of each one's `cite.json`. */
function citations(dir: string): Map<string, string> {
  const papers = join(dir, 'papers');
  const slugs = readdirSync(papers, { withFileTypes: true }).filter((entry) => entry.isDirectory());
  return new Map(slugs.map(({ name }) => [name, readFileSync(join(papers, name, 'cite.json'), 'utf8')]));
}

/** The lines of a download. */
const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trim().split('\n');

describe('the archive as one download', () => {
  const first = join(work, 'first');

  it('is written at the top of the archive, linked from every page, and left out of what is saved for offline', () => {
    succeed(['build', seed, '--out', first, ...base]);
    const download = join(first, DOWNLOAD);
    expect(linesOf(download)).toHaveLength(30);
    const marker = JSON.parse(readFileSync(join(first, '.papershelf-archive.json'), 'utf8')) as { entries: string[] };
    expect(marker.entries).toContain(DOWNLOAD);

    const home = readFileSync(join(first, 'index.html'), 'utf8');
    const size = `${Math.round(statSync(download).size / 1024)} KB`;
    expect(home).toContain(`<a href="/shelf/${DOWNLOAD}" download>Download the archive</a> (JSON Lines, gzip, ${size}, 30 papers)`);
    const paper = readdirSync(join(first, 'papers'))[0]!;
    expect(readFileSync(join(first, 'papers', paper, 'index.html'), 'utf8')).toMatch(
      new RegExp(`<footer class="site-footer">.*<a href="/shelf/${DOWNLOAD.replaceAll('.', '\\.')}" download>`),
    );
    expect(readFileSync(join(first, 'offline-files-0.json'), 'utf8')).not.toContain(DOWNLOAD);
    expect(readFileSync(join(first, 'sw.js'), 'utf8')).toContain(`"download":"/shelf/${DOWNLOAD}"`);

    const links = runCli(['check-links', first, ...base], work);
    expect(links.stderr).toBe('');
    expect(links.status).toBe(0);
  });

  it('builds back into the same archive: the same papers at the same addresses, the same citations, the same download', () => {
    const copy = join(work, DOWNLOAD);
    writeFileSync(copy, readFileSync(join(first, DOWNLOAD)));
    const again = join(work, 'again');
    expect(succeed(['build', copy, '--out', again, ...base])).toContain('30 entries read, 30 added');
    expect(citations(again)).toEqual(citations(first));
    expect(readFileSync(join(again, DOWNLOAD))).toEqual(readFileSync(join(first, DOWNLOAD)));
  });

  it('is kept byte for byte by an incremental build of the same papers, and written again when a paper is added', () => {
    const download = join(first, DOWNLOAD);
    const before = { bytes: readFileSync(download), stats: statSync(download) };
    succeed(['build', seed, '--out', first, ...base]);
    const kept = statSync(download);
    expect([kept.ino, kept.mtimeMs]).toEqual([before.stats.ino, before.stats.mtimeMs]);
    expect(readFileSync(download)).toEqual(before.bytes);

    const added = join(work, 'added-2025-03-20.jsonl');
    writeFileSync(added, `${JSON.stringify({ id: '2503.99999', title: 'A paper of the next day', authors: ['Ada Lovelace'] })}\n`);
    succeed(['build', seed, added, '--out', first, ...base]);
    const lines = linesOf(download);
    expect(lines).toHaveLength(31);
    // Newest first, as the archive lists them.
    expect(JSON.parse(lines[0]!)).toMatchObject({ id: '2503.99999', date: '2025-03-20', slug: '2503.99999' });
    expect(readFileSync(join(first, 'index.html'), 'utf8')).toContain('31 papers)');
  });

  it('is a source `ingest` and `check` read as it is', () => {
    const copy = join(work, DOWNLOAD);
    const content = join(work, 'content');
    mkdirSync(content);
    copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    expect(succeed(['ingest', copy], { PAPERSHELF_CONTENT_DIR: content })).toContain('30 entries read, 30 added');
    expect(readdirSync(join(content, 'sources'))).toContain(DOWNLOAD);
    expect(
      readdirSync(join(content, 'papers'))
        .filter((name) => name.endsWith('.mdx'))
        .sort(),
    ).toEqual(
      [...citations(first).keys()]
        .filter((slug) => slug !== '2503.99999')
        .map((slug) => `${slug}.mdx`)
        .sort(),
    );
  });

  it('damaged, is one line naming the file with a hint, and nothing is built from it', () => {
    const whole = readFileSync(join(work, DOWNLOAD));
    const cut = join(work, 'cut.jsonl.gz');
    writeFileSync(cut, whole.subarray(0, whole.length >> 1));
    const checked = runCli(['check', cut], work);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toBe(
      'cut.jsonl.gz:1: file: starts like a gzip file but is cut short; download or copy it again (`gzip -t <file>` tests a copy)\n',
    );
    const built = runCli(['build', cut, '--out', join(work, 'never')], work);
    expect(built.status).toBe(1);
    expect(built.stderr.split('\n').filter(Boolean)).toEqual([
      expect.stringMatching(/^cut\.jsonl\.gz:1: file: starts like a gzip file but is cut short;/),
      expect.stringMatching(/^Nothing was built; .* is unchanged\./),
    ]);
  });
});
