/**
 * papershelf.config.mjs: what a config may say and how each mistake is told (one line, the
 * key's path, the shape expected, what was found), where the archive root is, and which of
 * flag, environment, config and default wins.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { defineConfig } from 'papershelf/config';
import { checkConfig, findArchiveRoot, loadConfig, type LoadedConfig } from '../../src/settings/load-config.ts';
import { loadSettings, readSettings } from '../../src/settings/settings.ts';
import { DEFAULT_FETCH_SETTINGS } from '../../src/fetch/fetch-settings.ts';
import { tempDir } from '../support/temp-dir.ts';

const work = tempDir('papershelf-config-');

/** The message `config` is refused with. */
function refusal(config: unknown): string {
  try {
    checkConfig(config, 'papershelf.config.mjs');
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('accepted');
}

/** A loaded config at `root` saying `config`. */
const loaded = (config: LoadedConfig['config'], root = work): LoadedConfig => ({ root, file: join(root, 'papershelf.config.mjs'), config });

describe('a config file', () => {
  it('is written with defineConfig from papershelf/config, which returns it as it is', () => {
    const config = { title: 'Shelf', show: { upvotes: false } };
    expect(defineConfig(config)).toBe(config);
  });

  it('accepts every key', () => {
    const config = {
      title: 'Shelf',
      description: 'Papers we read.',
      site: 'https://example.org',
      base: '/shelf/',
      accentColor: 'rgb(10 20 30)',
      themeColor: 'teal',
      logo: 'logo.svg',
      favicon: 'icon.png',
      head: [
        { tag: 'script', attrs: { src: 'https://stats.example.org/s.js', defer: true, 'data-site': 'shelf' } },
        { tag: 'meta', attrs: { name: 'google-site-verification', content: 'abc' } },
        { tag: 'style', content: 'body { margin: 0 }' },
      ],
      footer: 'Kept by the group.',
      taxonomies: 'content/taxonomies.yaml',
      content: 'content',
      show: { upvotes: false, codeLink: true, relatedPapers: false, venue: true, projectPage: false, huggingFacePage: true },
      fetch: { hf: { days: 3 }, arxiv: { queries: ['cat:cs.CL'], max: 50 } },
    };
    expect(checkConfig(config, 'papershelf.config.mjs')).toMatchObject({ ...config, head: expect.any(Array) });
  });

  it('says, one line a problem, which key holds what, and what it should hold', () => {
    expect(refusal({ themeColor: 'blu' })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: themeColor: expected a CSS colour such as #1d5fc9, found "blu""`,
    );
    expect(refusal({ accentColor: '#12345' })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: accentColor: expected a CSS colour such as #1d5fc9, found "#12345""`,
    );
    expect(refusal({ title: '' })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: title: expected a non-empty string such as "My papers", found """`,
    );
    expect(refusal({ title: 3, footer: ['a'] })).toMatchInlineSnapshot(`
      "papershelf.config.mjs: title: expected a non-empty string such as "My papers", found 3
      papershelf.config.mjs: footer: expected a string of plain text such as "Kept by the reading group", found ["a"]"
    `);
    expect(refusal({ head: [{ tag: 'iframe', attrs: { src: 'x' } }] })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: head[0].tag: expected one of "script", "link", "meta", "style", found "iframe""`,
    );
    expect(refusal({ head: [{ tag: 'script', content: 'a</script><script>b' }] })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: head[0].content: expected the text of a script or style (none for link and meta), without "</script", "</style" or "<!--", found "a</script><script>b""`,
    );
    expect(refusal({ head: [{ tag: 'meta', content: 'x' }] })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: head[0].content: expected the text of a script or style (none for link and meta), without "</script", "</style" or "<!--", found "x""`,
    );
    expect(refusal({ head: [{ tag: 'script', attrs: { 'on load': 'x' } }] })).toMatch(
      /^papershelf\.config\.mjs: head\[0\]\.attrs.*: expected attributes such as/,
    );
    expect(refusal({ head: { tag: 'script' } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: head: expected a list of elements such as [{ tag: "script", attrs: { src: "https://…/script.js", defer: true } }], found {"tag":"script"}"`,
    );
    expect(refusal({ show: { upvotes: 'no' } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: show.upvotes: expected true or false, found "no""`,
    );
    expect(refusal({ fetch: { hf: { days: 0 } } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: fetch.hf.days: expected a whole number of days, at least 1, such as 7, found 0"`,
    );
    expect(refusal({ fetch: { arxiv: { queries: 'cat:cs.CL' } } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: fetch.arxiv.queries: expected a list of arXiv queries such as ["cat:cs.CL"], found "cat:cs.CL""`,
    );
    expect(refusal('Shelf')).toMatchInlineSnapshot(
      `"papershelf.config.mjs: (the default export): expected an object, as in \`export default defineConfig({ title: "My papers" })\`, found "Shelf""`,
    );
  });

  it('refuses an unknown key, naming the nearest known one', () => {
    expect(refusal({ themeColour: '#fff' })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: themeColour: not a setting; did you mean \`themeColor\`?"`,
    );
    expect(refusal({ show: { upvote: false } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: show.upvote: not a setting; did you mean \`upvotes\`?"`,
    );
    expect(refusal({ fetch: { hf: { dayz: 2 } } })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: fetch.hf.dayz: not a setting; did you mean \`days\`?"`,
    );
    expect(refusal({ analytics: 'x' })).toMatchInlineSnapshot(
      `"papershelf.config.mjs: analytics: not a setting; docs/configuration.md lists the settings"`,
    );
  });

  it('is checked with the site and base rules of the command line, named by its key', () => {
    expect(() => readSettings({}, {}, loaded({ site: 'example.org' }))).toThrow(
      /papershelf\.config\.mjs: site: `example\.org` is not an absolute URL/,
    );
    expect(() => readSettings({}, {}, loaded({ base: 'shelf' }))).toThrow(
      /papershelf\.config\.mjs: base: `shelf` must start and end with `\/`/,
    );
  });

  it('names files that must exist', () => {
    expect(() => readSettings({}, {}, loaded({ logo: 'missing.svg' }))).toThrow(
      /papershelf\.config\.mjs: logo: `missing\.svg` does not exist; give a path relative to the folder of the config file/,
    );
  });
});

describe('the archive root', () => {
  const archive = join(work, 'archive');
  const deep = join(archive, 'notes', 'deeper');
  mkdirSync(deep, { recursive: true });
  writeFileSync(join(archive, 'papershelf.config.mjs'), "export default { title: 'Deep shelf', content: 'papers-here' };\n");
  const bare = join(work, 'bare');
  mkdirSync(bare, { recursive: true });

  it('is the nearest folder upward with a config file', async () => {
    expect(findArchiveRoot(deep)).toEqual({ root: archive, file: join(archive, 'papershelf.config.mjs') });
    const settings = await loadSettings({}, {}, deep);
    expect(settings).toMatchObject({ root: archive, title: 'Deep shelf', content: join(archive, 'papers-here') });
    expect(settings.taxonomies).toBe(join(archive, 'papers-here', 'taxonomies.yaml'));
  });

  it('is the current folder when none holds one, with its content/ folder', async () => {
    expect(findArchiveRoot(bare)).toEqual({ root: bare, file: null });
    expect(await loadSettings({}, {}, bare)).toMatchObject({ root: bare, title: 'Papershelf', content: join(bare, 'content') });
  });

  it('is this repository for its bundled example, with its content/ and its name', async () => {
    const root = join(import.meta.dirname, '..', '..');
    expect(await loadSettings({}, {}, join(root, 'src', 'site'))).toMatchObject({
      root,
      content: join(root, 'content'),
      title: 'Papershelf',
      themeColor: '#1d5fc9',
    });
  });

  it('tells a config that cannot be loaded', async () => {
    const broken = join(work, 'broken');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'papershelf.config.mjs'), 'export default {\n');
    await expect(loadConfig(broken)).rejects.toThrow(/^papershelf\.config\.mjs: could not be loaded: .*; it must be an ES module/);
  });
});

describe('precedence', () => {
  const config = loaded({ site: 'https://config.example', base: '/config/', content: 'from-config', title: 'Config' });

  it('takes the flag, then the environment, then the config, then the default', () => {
    const env = { PAPERSHELF_SITE: 'https://env.example', PAPERSHELF_BASE: '/env/', PAPERSHELF_CONTENT_DIR: '/env/content' };
    expect(readSettings({ site: 'https://flag.example', base: '/flag/' }, env, config)).toMatchObject({
      site: 'https://flag.example',
      base: '/flag/',
      content: '/env/content',
    });
    expect(readSettings({}, env, config)).toMatchObject({ site: 'https://env.example', base: '/env/', content: '/env/content' });
    expect(readSettings({}, {}, config)).toMatchObject({
      site: 'https://config.example',
      base: '/config/',
      content: join(work, 'from-config'),
    });
    expect(readSettings({}, {}, loaded({}))).toMatchObject({ site: 'http://localhost:4321', base: '/', content: join(work, 'content') });
  });

  it('names where a refused value came from', () => {
    expect(() => readSettings({}, { PAPERSHELF_BASE: 'env' }, config)).toThrow(/^PAPERSHELF_BASE: /);
    expect(() => readSettings({ base: 'flag' }, {}, config)).toThrow(/^--base: /);
  });

  it('merges a partial fetch over the defaults, and show over everything shown', () => {
    const settings = readSettings({}, {}, loaded({ fetch: { arxiv: { queries: ['cat:cs.LG'] } }, show: { upvotes: false } }));
    expect(settings.fetch).toEqual({
      hf: DEFAULT_FETCH_SETTINGS.hf,
      arxiv: { queries: ['cat:cs.LG'], max: DEFAULT_FETCH_SETTINGS.arxiv.max },
    });
    expect(settings.show).toMatchObject({ upvotes: false, codeLink: true, relatedPapers: true });
  });

  it('gives the theme colour the accent colour when only that is named', () => {
    expect(readSettings({}, {}, loaded({ accentColor: '#0b7a53' }))).toMatchObject({ accentColor: '#0b7a53', themeColor: '#0b7a53' });
  });
});
