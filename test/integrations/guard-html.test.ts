/** guardHtml over hand-made sites: which pages it reads, where it says each hit came from, and the same report from worker threads as from its own. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { digestFiles } from '../../src/build/offline/digest-files.ts';
import { guardHtml } from '../../src/build/guard/guard-html.ts';

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

const root = mkdtempSync(join(tmpdir(), 'papershelf-guard-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
beforeEach(() => {
  started.workers = 0;
});

const page = (body: string) => `<!doctype html><html><head><title>t</title></head>\n<body>\n${body}\n</body></html>`;
function site(name: string, pages: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, body] of Object.entries(pages)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), page(body));
  }
  return dir;
}
const failure = (run: Promise<unknown>) =>
  run.then(
    () => 'no error',
    (error: Error) => error.message,
  );

describe('guardHtml', () => {
  const dir = site('small', {
    'index.html': '<p>fine</p>',
    'papers/a/index.html': '<p>a</p><script>alert(1)</script>',
    'papers/b/index.html': '<img src=x onerror=alert(1)>',
    'papers/c/index.html': '<iframe></iframe>',
    '_astro/a.js': '<script>not a page</script>',
  });

  it('checks only the pages it is given, in path order, and reports them', async () => {
    const message = await failure(
      guardHtml(dir, '/', { files: ['papers/b/index.html', 'index.html', 'papers/a/index.html', '_astro/a.js'] }),
    );
    expect(message).toMatchInlineSnapshot(`
      "The built pages contain markup that could run code:
        papers/a/index.html:3: inline script code other than the reader script, from entry text on this page (content/papers/a.mdx): other pages like papers/*/index.html lack it
        papers/b/index.html:3: <img onerror=…> event attribute, from entry text on this page (content/papers/b.mdx): other pages like papers/*/index.html lack it
      From entry text: entry text is always escaped, so a template let it through as markup; report it, naming the paper file and the page.
      The build is stopped; nothing was published."
    `);
    expect(message).not.toContain('papers/c/');
  });

  it("says whether each hit came from a paper's notes, an entry's text or a template", async () => {
    const template = '<script src="https://cdn.example/t.js"></script>';
    const origins = site('origins', {
      'papers/a/index.html': `${template}\n<section class="notes"><h2>Notes</h2><p><img src=x onerror=alert(1)></p></section>`,
      'papers/b/index.html': `${template}\n<p><span class="math"><a href="javascript:x">f</a></span></p>`,
      'papers/c/index.html': `${template}\n<iframe></iframe>`,
      'index.html': '<iframe></iframe>',
    });
    expect(await failure(guardHtml(origins, '/', { papers: 'my-archive/papers' }))).toMatchInlineSnapshot(`
      "The built pages contain markup that could run code:
        index.html:3: <iframe> element, from this page's template under src/ or from entry text on it
        papers/a/index.html:3: <script src="https://cdn.example/t.js"> not bundled by the build, from a template under src/, the page itself: every page like papers/*/index.html has it
        papers/a/index.html:4: <img onerror=…> event attribute, in the notes of my-archive/papers/a.mdx
        papers/b/index.html:3: <script src="https://cdn.example/t.js"> not bundled by the build, from a template under src/, the page itself: every page like papers/*/index.html has it
        papers/b/index.html:4: <a> element in a formula, in a formula from the TeX of my-archive/papers/b.mdx
        papers/b/index.html:4: <a href="javascript:x…"> script-capable URL, in a formula from the TeX of my-archive/papers/b.mdx
        papers/c/index.html:3: <script src="https://cdn.example/t.js"> not bundled by the build, from a template under src/, the page itself: every page like papers/*/index.html has it
        papers/c/index.html:4: <iframe> element, from entry text on this page (my-archive/papers/c.mdx): other pages like papers/*/index.html lack it
      In notes: notes may hold Markdown and plain HTML, but no scripts, event attributes (on…=), javascript: URLs or frames; take it out of the paper file named.
      From entry text: entry text is always escaped, so a template let it through as markup; report it, naming the paper file and the page.
      From a template: every page of that kind has it, so a template under src/ (pages/, layouts/, components/) writes it; fix the template.
      Template or entry: no other page of that kind was checked to compare with; look at the page's template under src/ and at the entry text it shows.
      The build is stopped; nothing was published."
    `);
  });

  it('passes when the given pages are clean, counting them', async () => {
    expect((await guardHtml(dir, '/', { files: ['index.html'] })).pages).toBe(1);
    expect((await guardHtml(dir, '/', { files: [] })).pages).toBe(0);
  });

  it('checks every page when no files are given', async () => {
    expect(await failure(guardHtml(dir, '/'))).toContain('papers/c/index.html:3: <iframe> element');
  });

  it('reports the same from worker threads as from its own thread', async () => {
    // Enough pages for several chunks, with hits spread over all of them.
    const pages: Record<string, string> = {};
    for (let n = 0; n < 320; n += 1)
      pages[`papers/p${String(n).padStart(3, '0')}/index.html`] = n % 9 === 0 ? `<a href="javascript:x">${n}</a>` : `<p>${n}</p>`;
    const big = site('big', pages);
    const inProcess = await failure(guardHtml(big, '/', { threads: 0 }));
    expect(started.workers).toBe(0);
    const parallel = await failure(guardHtml(big, '/', { threads: 2 }));
    expect(started.workers).toBe(2);
    expect(parallel).toBe(inProcess);
    expect(inProcess.split('\n').filter((line) => line.includes('script-capable URL'))).toHaveLength(36);
    expect(inProcess).toContain('papers/p315/index.html:3: <a href="javascript:x…"> script-capable URL');
  });

  it('passes a clean site from worker threads with the page count, and the digests the offline step would take', async () => {
    const pages: Record<string, string> = {};
    for (let n = 0; n < 250; n += 1) pages[`p${n}.html`] = `<p>${n} é</p>`;
    const clean = site('clean', pages);
    const guarded = await guardHtml(clean, '/', { threads: 2 });
    expect(guarded.pages).toBe(250);
    const names = Object.keys(pages).sort();
    expect([...guarded.digests.keys()].sort()).toEqual(names);
    expect(names.map((name) => guarded.digests.get(name))).toEqual(
      digestFiles(
        { dir: clean },
        names.map((path) => ({ path })),
      ),
    );
  });

  it('fails with the reason when a given page cannot be read, in a worker too', async () => {
    await expect(guardHtml(dir, '/', { files: ['missing.html'] })).rejects.toThrow(/ENOENT.*missing\.html/);
    await expect(guardHtml(dir, '/', { files: ['missing.html'], threads: 1 })).rejects.toThrow(/ENOENT.*missing\.html/);
  });
});
