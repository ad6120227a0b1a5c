/** guardHtml over hand-made sites: which pages it reads, and the same report from worker threads as from its own. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { digestFiles } from '../../src/integrations/digest-files.ts';
import { guardHtml } from '../../src/integrations/guard-html.ts';

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
    const message = await failure(guardHtml(dir, '/', { files: ['papers/b/index.html', 'index.html', 'papers/a/index.html', '_astro/a.js'] }));
    expect(message).toMatchInlineSnapshot(`
      "The built pages contain markup the templates never produce, so entry text may have become code:
        papers/a/index.html:3: inline script code other than the reader script
        papers/b/index.html:3: <img onerror=…> event attribute
      The build is stopped; nothing was published. Find the entry whose text appears there and report it."
    `);
    expect(message).not.toContain('papers/c/');
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
    expect(names.map((name) => guarded.digests.get(name))).toEqual(digestFiles({ dir: clean }, names.map((path) => ({ path }))));
  });

  it('fails with the reason when a given page cannot be read, in a worker too', async () => {
    await expect(guardHtml(dir, '/', { files: ['missing.html'] })).rejects.toThrow(/ENOENT.*missing\.html/);
    await expect(guardHtml(dir, '/', { files: ['missing.html'], threads: 1 })).rejects.toThrow(/ENOENT.*missing\.html/);
  });
});
