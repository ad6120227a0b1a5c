/** checkLinks over a hand-made site: what it reads, and the same report from worker threads as from its own. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkLinks } from '../../src/links/check-links.ts';

// Counts the worker threads started, to be sure the parallel run really used them.
const started = vi.hoisted(() => ({ workers: 0 }));
vi.mock('node:worker_threads', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:worker_threads')>();
  class CountedWorker extends real.Worker {
    constructor(...args: ConstructorParameters<typeof real.Worker>) {
      super(...args);
      started.workers += 1;
    }
  }
  return { ...real, Worker: CountedWorker };
});

const root = mkdtempSync(join(tmpdir(), 'papershelf-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  started.workers = 0;
});

const site = { origin: 'https://example.org', base: '/shelf/' };

/** A site of `papers` paper pages under `/shelf/`, each linking home, to the next paper, to an element of the day, and every ninth to a page that is missing. */
function makeSite(name: string, papers: number): string {
  const dir = join(root, name);
  const write = (file: string, text: string) => {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  write('index.html', '<main id="content"><a href="/shelf/days/d/#p0">first</a> <a href="#content">top</a></main>');
  write(
    'days/d/index.html',
    `<ol>${Array.from({ length: papers }, (_, n) => `<li id="p${n}"><a href="/shelf/papers/p${n}/">${n}</a></li>`).join('')}</ol>`,
  );
  for (let n = 0; n < papers; n += 1) {
    const links = [`<a href="/shelf/">home</a>`, `<a href="../p${(n + 1) % papers}/">next</a>`, `<a href="/shelf/days/d/#p${n}">day</a>`];
    if (n % 9 === 0) links.push(`<a href="/shelf/papers/missing-${n}/">gone</a>`);
    write(`papers/p${n}/index.html`, `<h1>${n}</h1>\n${links.join('\n')}`);
  }
  write(
    'feed.json',
    JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1',
      feed_url: 'https://example.org/shelf/feed.json',
      items: [{ url: 'https://example.org/shelf/papers/p1/' }],
    }),
  );
  write('robots.txt', 'User-agent: *\nSitemap: https://example.org/shelf/sitemap.xml\n');
  write('sitemap.xml', '<urlset><url><loc>https://example.org/shelf/</loc></url></urlset>');
  write('_astro/app.js', 'fetch("/not/checked/")');
  return dir;
}

describe('checkLinks', () => {
  it('checks pages, feeds, robots.txt and sitemaps, and not scripts', async () => {
    const dir = makeSite('small', 20);
    const check = await checkLinks(dir, site, { threads: 0 });
    expect(check.files).toBe(25);
    expect(check.broken.map((link) => `${link.file}:${link.line}: ${link.url}: ${link.reason}`)).toEqual([
      'papers/p0/index.html:5: /shelf/papers/missing-0/: no such file: papers/missing-0/index.html',
      'papers/p18/index.html:5: /shelf/papers/missing-18/: no such file: papers/missing-18/index.html',
      'papers/p9/index.html:5: /shelf/papers/missing-9/: no such file: papers/missing-9/index.html',
    ]);
  });

  it('finds a missing element of another page', async () => {
    const dir = makeSite('fragment', 3);
    writeFileSync(
      join(dir, 'days', 'd', 'index.html'),
      '<a href="/shelf/papers/p0/">0</a><a href="/shelf/papers/p1/">1</a><a href="/shelf/papers/p2/">2</a><p id="p0"></p>',
    );
    const check = await checkLinks(dir, site, { threads: 0 });
    expect(check.broken.filter((link) => link.reason.startsWith('no element')).map((link) => link.file)).toEqual([
      'papers/p1/index.html',
      'papers/p2/index.html',
    ]);
  });

  it('reports the same from worker threads as from its own thread', async () => {
    const dir = makeSite('big', 600);
    const inProcess = await checkLinks(dir, site, { threads: 0 });
    expect(started.workers).toBe(0);
    const parallel = await checkLinks(dir, site, { threads: 2 });
    expect(started.workers).toBe(2);
    expect(parallel).toEqual(inProcess);
    expect(inProcess.broken).toHaveLength(67);
    // Home 2, the day 600, papers 3 each and the missing ones, the feed 3 (its version is an address too), robots.txt 1, the sitemap 1.
    expect(inProcess.links).toBe(2 + 600 + 600 * 3 + 67 + 3 + 1 + 1);
  });
});
