/** writeOfflineFiles over a hand-made site: the version, and reusing an earlier build's digests. */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { searchFilesOf, shellOf, writeOfflineFiles, type FileDigest } from '../../src/build/offline/write-offline-files.ts';

const root = mkdtempSync(join(tmpdir(), 'papershelf-offline-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let dir = '';
let sites = 0;
const write = (path: string, text: string) => {
  mkdirSync(dirname(join(dir, path)), { recursive: true });
  writeFileSync(join(dir, path), text);
};
const read = (path: string) => readFileSync(join(dir, path), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** Everything the step writes, to compare two runs by. */
const written = () => ['sw.js', 'offline.json', 'offline-files-0.json', 'manifest.webmanifest'].map(read);

beforeEach(() => {
  dir = join(root, `site-${(sites += 1)}`);
  write('index.html', '<p>home</p>');
  write('_astro/a.css', 'p{}');
  write('papers/a/index.html', '<p>a</p>');
  write('papers/b/index.html', '<p>b</p>');
});

describe('writeOfflineFiles', () => {
  it('versions the site by a hash of the sorted paths and their content hashes', async () => {
    const result = await writeOfflineFiles(dir, '/');
    const files = {
      '_astro/a.css': 'p{}',
      'index.html': '<p>home</p>',
      'papers/a/index.html': '<p>a</p>',
      'papers/b/index.html': '<p>b</p>',
    };
    const expected = createHash('sha256');
    for (const [path, text] of Object.entries(files)) expected.update(`${path}\0${sha256(text)}\n`);
    expect(result.version).toBe(expected.digest('hex').slice(0, 16));
    expect([...result.digests.keys()]).toEqual(Object.keys(files));
    expect(result.digests.get('index.html')).toEqual({
      size: 11,
      mtimeMs: statSync(join(dir, 'index.html')).mtimeMs,
      hash: sha256('<p>home</p>'),
    });
    expect(JSON.parse(read('offline.json'))).toEqual({
      version: result.version,
      files: 4,
      bytes: 30,
      // Papers are counted by their citation files, which these hand-made pages lack.
      papers: 0,
      lists: ['/offline-files-0.json'],
    });
  });

  it('counts the papers, not the pages former addresses keep', async () => {
    write('papers/a/cite.bib', '@misc{a}');
    write('papers/b/cite.bib', '@misc{b}');
    write('papers/old-title-of-a/index.html', '<meta http-equiv="refresh" content="0; url=/papers/a/">');
    await writeOfflineFiles(dir, '/');
    expect(JSON.parse(read('offline.json'))).toMatchObject({ papers: 2 });
  });

  it('writes the same with an earlier build’s digests, and with worker threads', async () => {
    const first = await writeOfflineFiles(dir, '/');
    const before = written();
    const again = await writeOfflineFiles(dir, '/', { known: first.digests });
    expect(again.version).toBe(first.version);
    expect(again.digests).toEqual(first.digests);
    expect(written()).toEqual(before);
    const parallel = await writeOfflineFiles(dir, '/', { threads: 2 });
    expect(parallel.version).toBe(first.version);
    expect(parallel.digests).toEqual(first.digests);
    expect(written()).toEqual(before);
  });

  it('changes the version when one file’s bytes change, also with known digests', async () => {
    const first = await writeOfflineFiles(dir, '/');
    write('papers/b/index.html', '<p>B</p>');
    const changed = await writeOfflineFiles(dir, '/', { known: first.digests });
    expect(changed.version).not.toBe(first.version);
    expect(changed.digests.get('papers/b/index.html')?.hash).toBe(sha256('<p>B</p>'));
    expect(changed.version).toBe((await writeOfflineFiles(dir, '/')).version);
  });

  it('trusts a known digest whose size and time match, and reads a file whose time differs', async () => {
    const first = await writeOfflineFiles(dir, '/');
    const real = first.digests.get('papers/a/index.html')!;
    const wrong: FileDigest = { ...real, hash: 'f'.repeat(64) };
    const trusted = await writeOfflineFiles(dir, '/', { known: new Map([...first.digests, ['papers/a/index.html', wrong]]) });
    expect(trusted.digests.get('papers/a/index.html')).toEqual(wrong);
    expect(trusted.version).not.toBe(first.version);

    // Same bytes and size, another time: read again, so the real hash comes back.
    utimesSync(join(dir, 'papers/a/index.html'), new Date(2001, 0, 1), new Date(2001, 0, 1));
    const reread = await writeOfflineFiles(dir, '/', { known: new Map([...first.digests, ['papers/a/index.html', wrong]]) });
    expect(reread.digests.get('papers/a/index.html')?.hash).toBe(real.hash);
    expect(reread.version).toBe(first.version);
  });

  it('trusts known digests in worker threads too', async () => {
    for (let n = 0; n < 150; n += 1) write(`papers/p${n}/index.html`, `<p>${n}</p>`);
    const first = await writeOfflineFiles(dir, '/', { threads: 0 });
    const wrong: FileDigest = { ...first.digests.get('papers/p99/index.html')!, hash: '0'.repeat(64) };
    const parallel = await writeOfflineFiles(dir, '/', {
      threads: 2,
      known: new Map([...first.digests, ['papers/p99/index.html', wrong]]),
    });
    expect(parallel.digests.get('papers/p99/index.html')).toEqual(wrong);
    expect([...parallel.digests.keys()]).toEqual([...first.digests.keys()]);
  });

  it('takes the digests of files vouched unchanged without looking at them, and looks at the rest', async () => {
    const first = await writeOfflineFiles(dir, '/');
    // Changed on disk, but vouched for: the recorded digest stands (the caller linked exactly that file).
    write('papers/a/index.html', '<p>A, changed</p>');
    write('papers/b/index.html', '<p>B, changed</p>');
    const vouched = await writeOfflineFiles(dir, '/', { known: first.digests, unchanged: new Set(['papers/a/index.html']) });
    expect(vouched.digests.get('papers/a/index.html')).toEqual(first.digests.get('papers/a/index.html'));
    expect(vouched.digests.get('papers/b/index.html')?.hash).toBe(sha256('<p>B, changed</p>'));
    expect([...vouched.digests.keys()]).toEqual([...first.digests.keys()]);
    // Vouched for but never recorded: read like any other.
    write('papers/c/index.html', '<p>c</p>');
    const unknown = await writeOfflineFiles(dir, '/', { known: first.digests, unchanged: new Set(['papers/c/index.html']) });
    expect(unknown.digests.get('papers/c/index.html')?.hash).toBe(sha256('<p>c</p>'));
  });
});

describe('writeOfflineFiles given the list of files', () => {
  it('writes what walking the folder writes, from the list alone', async () => {
    const walked = await writeOfflineFiles(dir, '/');
    const before = written();
    const listed = await writeOfflineFiles(dir, '/', {
      files: ['papers/b/index.html', 'index.html', '_astro/a.css', 'papers/a/index.html', 'sw.js'],
    });
    expect(listed.version).toBe(walked.version);
    expect(written()).toEqual(before);
  });
});

describe('the files a first visit keeps', () => {
  const files = [
    { path: 'index.html', bytes: 10 },
    { path: 'search/index.html', bytes: 10 },
    { path: '_astro/site.css', bytes: 10 },
    { path: 'pagefind/pagefind.js', bytes: 10 },
    { path: 'pagefind/pagefind-entry.json', bytes: 10 },
    { path: 'pagefind/pagefind.en_1.pf_meta', bytes: 10 },
    { path: 'pagefind/index/en_1.pf_index', bytes: 1_000 },
    { path: 'pagefind-2/pagefind-entry.json', bytes: 10 },
    { path: 'pagefind-2/pagefind.en_2.pf_meta', bytes: 10 },
    { path: 'pagefind-2/filter/en_2.pf_filter', bytes: 10 },
    { path: 'pagefind-2/index/en_2.pf_index', bytes: 1_000 },
    { path: 'papers/x/index.html', bytes: 10 },
  ];

  it('are the shell pages, styles and scripts, and no paper and nothing of search: every reader downloads them', () => {
    expect(shellOf(files, '/shelf/')).toEqual(['/shelf/', '/shelf/search/', '/shelf/_astro/site.css']);
  });

  it('take, once the reader searches, the core of every search bundle, and their index chunks while all together stay small', () => {
    const search = searchFilesOf(files, '/');
    expect(search).toEqual(
      expect.arrayContaining([
        '/pagefind-2/pagefind-entry.json',
        '/pagefind-2/pagefind.en_2.pf_meta',
        '/pagefind-2/filter/en_2.pf_filter',
        '/pagefind-2/index/en_2.pf_index',
      ]),
    );
    expect(search).not.toContain('/papers/x/');
    const large = files.map((file) => (file.path.includes('/index/') ? { ...file, bytes: 2 * 1024 * 1024 } : file));
    expect(searchFilesOf(large, '/').some((url) => url.includes('/index/'))).toBe(false);
  });
});

describe('the service worker’s settings', () => {
  /** The settings the build put in front of the worker's code. */
  const settings = () => JSON.parse(/^self\.PAPERSHELF = (.*);$/m.exec(read('sw.js'))![1]!) as Record<string, unknown>;

  it('name its cache by the base and the version, so archives under other bases on one origin keep theirs', async () => {
    const { version } = await writeOfflineFiles(dir, '/a/', { threads: 0 });
    expect(settings()).toMatchObject({ base: '/a/', cache: `papershelf:/a/:${version}`, prefix: 'papershelf:/a/:' });
    await writeOfflineFiles(dir, '/b/', { threads: 0 });
    expect(settings()).toMatchObject({ cache: `papershelf:/b/:${version}`, prefix: 'papershelf:/b/:' });
  });
});

describe('what saving for offline downloads', () => {
  it('leaves out feeds, sitemaps, robots.txt, citation files and link-preview cards, which are for machines, but versions them', async () => {
    dir = join(root, 'machines');
    write('index.html', '<p>home</p>');
    write('topics/attention/index.html', '<p>term</p>');
    write('topics/attention/feed.xml', '<feed/>');
    write('feed.json', '{}');
    write('sitemap.xml', '<sitemapindex/>');
    write('sitemap-1.xml', '<urlset/>');
    write('robots.txt', 'Sitemap: /sitemap.xml');
    // Citation files: each paper page carries its BibTeX already.
    write('papers/a/cite.bib', '@misc{a, title = {A}}');
    write('papers/a/cite.json', '[]');
    write('topics/attention/papers.bib', '@misc{a, title = {A}}');
    write('topics/attention/2/papers.bib', '@misc{a, title = {A}}');
    write('papers/a/cite.ris', 'TY  - GEN\r\nER  - \r\n');
    write('topics/attention/papers.ris', 'TY  - GEN\r\nER  - \r\n');
    // A paper's Markdown copy is its page again, as text.
    write('papers/a.md', '# A\n');
    write('cards/site.png', 'png');
    write('cards/papers/2501.00663.png', 'png');
    const first = await writeOfflineFiles(dir, '/', { threads: 0 });
    const listed = (JSON.parse(read('offline-files-0.json')) as [string, number][]).map(([url]) => url);
    expect(listed.sort()).toEqual(['/', '/topics/attention/']);
    expect(first.digests.has('topics/attention/feed.xml')).toBe(true);
    expect(first.digests.has('papers/a/cite.bib')).toBe(true);
    expect(first.digests.has('papers/a.md')).toBe(true);
    write('feed.json', '{"changed":true}');
    const second = await writeOfflineFiles(dir, '/', { threads: 0 });
    expect(second.version).not.toBe(first.version);
    write('cards/papers/2501.00663.png', 'another png');
    expect((await writeOfflineFiles(dir, '/', { threads: 0 })).version).not.toBe(second.version);
  });
});
