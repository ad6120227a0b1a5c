/**
 * The screenshots in this folder, taken in Chromium from a built archive:
 *
 *   node docs/screenshots/take-screenshots.ts <built site> <paper slug> <term path>
 *
 * e.g. a build of the first 2,000 entries of ../shared/data/arxiv-2026q1.jsonl, a paper with
 * formulas and a code link, and `topics/agents/`.
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../e2e/support/find-chromium.ts';
import { serveArchive } from '../../src/serve/serve-archive.ts';

const [site, slug, term] = process.argv.slice(2);
if (!site || !slug || !term) {
  process.stderr.write('usage: node docs/screenshots/take-screenshots.ts <built site> <paper slug> <term path>\n');
  process.exit(2);
}
const folder = import.meta.dirname;
const { server, url } = await serveArchive(site, { port: 0 });
const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
const shots = [
  { file: 'paper-light.png', path: `papers/${slug}/`, width: 1280, height: 1100, colorScheme: 'light' },
  { file: 'paper-dark.png', path: `papers/${slug}/`, width: 1280, height: 1100, colorScheme: 'dark' },
  { file: 'paper-390.png', path: `papers/${slug}/`, width: 390, height: 1500, colorScheme: 'light' },
  { file: 'term-light.png', path: term, width: 1280, height: 1100, colorScheme: 'light' },
] as const;
try {
  for (const shot of shots) {
    const page = await browser.newPage({ viewport: { width: shot.width, height: shot.height }, colorScheme: shot.colorScheme, deviceScaleFactor: 1 });
    await page.goto(`${url}${shot.path}`, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: join(folder, shot.file) });
    await page.close();
    process.stdout.write(`${shot.file}\n`);
  }
} finally {
  await browser.close();
  server.close();
}
