/**
 * An archive with its own papershelf.config.mjs, built: every page, feed, card and the manifest
 * carry its name and colour, the owner's head script passes the markup guard on every page, the
 * same markup anywhere else is still caught, and a new name renders every page and card again.
 */
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { build } from '../../src/build/build.ts';
import { drawPaperCard, drawSiteCard } from '../../src/build/cards/draw-card.ts';
import { findForeignMarkup } from '../../src/build/guard/find-foreign-markup.ts';
import { listFiles } from '../../src/fs/list-files.ts';
import { loadConfig } from '../../src/settings/load-config.ts';
import { readSettings } from '../../src/settings/settings.ts';
import { headMarkup } from '../../src/site/head-markup.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const source = join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl');
const archive = tempDir('papershelf-branded-');
const out = join(archive, 'site');

const SCRIPT = { tag: 'script', attrs: { src: 'https://stats.example.org/script.js', defer: true, 'data-site': 'a&b' } } as const;
const LOGO = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 4 4"><rect width="4" height="4" fill="#0b7a53"/></svg>';

/** Writes the archive's config, named `title`. */
function writeConfig(title: string): void {
  const config = {
    title,
    description: 'Papers the reading group read.',
    accentColor: '#0b7a53',
    themeColor: '#0b7a53',
    logo: join(archive, 'brand', 'logo.svg'),
    favicon: join(archive, 'brand', 'icon.svg'),
    head: [SCRIPT],
    footer: 'Kept by the reading group <3',
  };
  writeFileSync(join(archive, 'papershelf.config.mjs'), `export default ${JSON.stringify(config, null, 2)};\n`);
}

/**
 * Builds the archive with its config file's settings. Its root stays this project, whose
 * node_modules the build's Astro processes resolve from (an archive of its own has Papershelf in its own).
 */
async function buildArchive() {
  const settings = readSettings({}, {}, { ...(await loadConfig(archive)), root });
  return build({ settings, sources: [source], read: {}, out });
}

describe('an archive with a config file', () => {
  cpSync(join(root, 'content', 'taxonomies.yaml'), join(archive, 'content', 'taxonomies.yaml'), { recursive: true });
  writeFileSync(join(archive, 'logo.svg'), LOGO);
  cpSync(join(archive, 'logo.svg'), join(archive, 'brand', 'logo.svg'), { recursive: true });
  cpSync(join(archive, 'logo.svg'), join(archive, 'brand', 'icon.svg'));
  writeConfig('Reading Group Shelf');

  it('names itself on every page, feed, card and in the manifest, and the guard accepts its head script', async () => {
    const outcome = await buildArchive();
    expect(outcome.built).not.toBeNull();
    const files = await listFiles(out);
    const pages = files.filter((path) => path.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    const script = headMarkup([SCRIPT]);
    expect(script).toBe('<script src="https://stats.example.org/script.js" defer data-site="a&amp;b"></script>');
    for (const page of pages) {
      const html = readFileSync(join(out, page), 'utf8');
      expect(html, page).toMatch(/<title>[^<]* · Reading Group Shelf<\/title>/);
      expect(html, page).toContain('<meta name="theme-color" content="#0b7a53">');
      expect(html, page).toContain('<meta property="og:site_name" content="Reading Group Shelf">');
      expect(html, page).toContain(script);
      expect(html, page).toContain('--accent: light-dark(#0b7a53,');
      expect(html, page).toContain('<p>Kept by the reading group &lt;3</p>');
      expect(html, page).toMatch(/<img class="brand-logo" src="\/site-logo\.svg"[^>]*>Reading Group Shelf<\/a>/);
      expect(html, page).toContain('<link rel="icon" href="/site-icon.svg" type="image/svg+xml">');
      expect(findForeignMarkup(html, '/', script), page).toEqual([]);
    }
    expect(readFileSync(join(out, 'site-logo.svg'), 'utf8')).toBe(LOGO);
    expect(readFileSync(join(out, 'site-icon.svg'), 'utf8')).toBe(LOGO);

    const feeds = files.filter((path) => /(^|\/)feed\.(xml|json)$/.test(path));
    expect(feeds.length).toBeGreaterThan(2);
    for (const feed of feeds) {
      const text = readFileSync(join(out, feed), 'utf8');
      const title = feed.endsWith('.json') ? (JSON.parse(text) as { title: string }).title : /<title>([^<]*)<\/title>/.exec(text)![1]!;
      expect(title, feed).toMatch(/(^| · )Reading Group Shelf$/);
    }

    const manifest = JSON.parse(readFileSync(join(out, 'manifest.webmanifest'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({
      name: 'Reading Group Shelf',
      short_name: 'Reading Group Shelf',
      description: 'Papers the reading group read.',
      theme_color: '#0b7a53',
      icons: [{ src: '/site-icon.svg', type: 'image/svg+xml' }],
    });

    const brand = { title: 'Reading Group Shelf', description: 'Papers the reading group read', accent: [0x0b, 0x7a, 0x53] as const };
    expect(readFileSync(join(out, 'cards', 'site.png')).equals(drawSiteCard(brand))).toBe(true);
    expect(readFileSync(join(out, 'cards', 'site.png')).equals(drawSiteCard())).toBe(false);
    const slug = readdirSync(join(out, 'papers'))[0]!;
    const first = JSON.parse(readFileSync(source, 'utf8').split('\n')[0]!) as { title: string };
    expect(readFileSync(join(out, 'cards', 'papers', `${slug}.png`)).length).toBeGreaterThan(0);
    expect(
      drawPaperCard({ title: first.title, authors: [], date: '2026-01-02' }, brand).equals(
        drawPaperCard({ title: first.title, authors: [], date: '2026-01-02' }),
      ),
    ).toBe(false);
  });

  it('renders every page and draws every card again when its name changes, and nothing when it does not', async () => {
    const same = await buildArchive();
    expect(same.built).toMatchObject({ cardsDrawn: 0 });
    expect(same.built!.rendered).toBeLessThan(10);

    writeConfig('Journal Club');
    const renamed = await buildArchive();
    expect(renamed.built!.rendered).toBe(renamed.built!.pages);
    expect(renamed.built!.cardsDrawn).toBe(renamed.built!.cards);
    const slug = readdirSync(join(out, 'papers'))[0]!;
    expect(readFileSync(join(out, 'papers', slug, 'index.html'), 'utf8')).toMatch(/<title>[^<]* · Journal Club<\/title>/);
  });
});

describe('the guard, with the owner head elements', () => {
  const script = headMarkup([SCRIPT]);
  const page = (head: string, body: string) =>
    `<!doctype html><html><head><title>t</title>\n${head}\n</head><body>\n${body}\n</body></html>`;

  it('accepts them once, in the head', () => {
    expect(findForeignMarkup(page(script, '<p>text</p>'), '/', script)).toEqual([]);
  });

  it('still catches the same markup in a paper title, and a second copy in the head', () => {
    const titled = page(script, `<h1>A title ${script}</h1>`);
    expect(findForeignMarkup(titled, '/', script).map((hit) => [hit.line, hit.what])).toEqual([
      [4, '<script src="https://stats.example.org/script.js"> not bundled by the build'],
    ]);
    expect(findForeignMarkup(page(`${script}\n${script}`, ''), '/', script)).toHaveLength(1);
    expect(findForeignMarkup(page(script, ''), '/')).toHaveLength(1);
  });

  it('accepts nothing else in their place: another script, another attribute', () => {
    const other = headMarkup([{ ...SCRIPT, attrs: { ...SCRIPT.attrs, src: 'https://evil.example/x.js' } }]);
    expect(findForeignMarkup(page(other, ''), '/', script)).toHaveLength(1);
  });
});
