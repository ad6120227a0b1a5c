/**
 * What a reader downloads, measured on a built archive: the median paper page's HTML + CSS
 * (gzip), the JavaScript a paper page loads before search is used, and the bytes that opening
 * search and running a first two-word query transfer, measured in Chromium.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Socket } from 'node:net';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../e2e/support/find-chromium.ts';
import { serveArchive } from '../src/serve/serve-archive.ts';

/** Page weights of one archive. */
export interface PageWeight {
  readonly medianPaperHtmlCssGzip: number;
  /** Script files a paper page loads before search is used. */
  readonly paperJsBytes: number;
  /** Inline script on a paper page (the reader script: theme, keys, copy), bytes and gzip bytes. */
  readonly paperInlineJs: { bytes: number; gzip: number };
  readonly searchTransferBytes: number;
  readonly searchQuery: string;
}

const median = (numbers: number[]) => [...numbers].sort((a, b) => a - b)[Math.floor(numbers.length / 2)] ?? 0;

/** The slugs of the paper pages: folders, beside which lie the papers' Markdown copies (`<slug>.md`). */
const paperSlugs = (site: string): string[] =>
  readdirSync(join(site, 'papers'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name);

/** HTML + linked CSS, each gzipped, of the median paper page (CSS counted once per page). */
function medianPaperWeight(site: string): number {
  const papers = paperSlugs(site);
  const cssCache = new Map<string, number>();
  const weights = papers.slice(0, 2000).map((slug) => {
    const html = readFileSync(join(site, 'papers', slug, 'index.html'));
    const css = [...html.toString('utf8').matchAll(/<link rel="stylesheet" href="\/([^"]+)"/g)].map((match) => match[1]!);
    const cssBytes = css.reduce((sum, path) => {
      if (!cssCache.has(path)) cssCache.set(path, gzipSync(readFileSync(join(site, path))).length);
      return sum + cssCache.get(path)!;
    }, 0);
    return gzipSync(html).length + cssBytes;
  });
  return median(weights);
}

/** Measures `site` (built for base `/`); the query is two words of the middle paper's title. */
export async function measurePageWeight(site: string): Promise<PageWeight> {
  const { server, url } = await serveArchive(site, { port: 0 });
  // Bytes are counted where they leave the server: the browser reports no body size for some
  // requests (a search worker's script), and the server's count holds headers and bodies alike.
  const sockets = new Set<Socket>();
  server.on('connection', (socket) => sockets.add(socket));
  const sent = () => [...sockets].reduce((sum, socket) => sum + socket.bytesWritten, 0);
  const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  try {
    const papers = paperSlugs(site).sort();
    const slug = papers[Math.floor(papers.length / 2)]!;
    const title = /<h1[^>]*>([^<]+)<\/h1>/.exec(readFileSync(join(site, 'papers', slug, 'index.html'), 'utf8'))?.[1] ?? 'attention model';
    const words = title
      .split(/\s+/)
      .filter((word) => /^[A-Za-z]{4,}$/.test(word))
      .slice(0, 2);
    const searchQuery = words.length === 2 ? words.join(' ') : 'language model';

    const context = await browser.newContext({ serviceWorkers: 'block' });
    const page = await context.newPage();
    const bytes: { url: string; type: string; size: number }[] = [];
    page.on('requestfinished', async (request) => {
      const sizes = await request.sizes();
      bytes.push({ url: request.url(), type: request.resourceType(), size: sizes.responseBodySize + sizes.responseHeadersSize });
    });
    await page.goto(`${url}papers/${slug}/`, { waitUntil: 'networkidle' });
    const paperJsBytes = bytes.filter((item) => item.type === 'script').reduce((sum, item) => sum + item.size, 0);
    const inline = await page.locator('script:not([src]):not([type="application/ld+json"])').allTextContents();
    const paperInlineJs = { bytes: Buffer.byteLength(inline.join('')), gzip: inline.length > 0 ? gzipSync(inline.join('')).length : 0 };

    const before = sent();
    await page.getByRole('searchbox', { name: 'Search papers' }).fill(searchQuery);
    await page.getByRole('searchbox', { name: 'Search papers' }).press('Enter');
    await page.locator('.result-title a').first().waitFor();
    await page.waitForLoadState('networkidle');
    const searchTransferBytes = sent() - before;
    await context.close();
    return { medianPaperHtmlCssGzip: medianPaperWeight(site), paperJsBytes, paperInlineJs, searchTransferBytes, searchQuery };
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
}
