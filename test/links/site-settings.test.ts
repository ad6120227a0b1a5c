/** --site and --base (and their variables) are checked before anything is built or served. */
import { describe, expect, it } from 'vitest';
import { parseBase, parseSite } from '../../src/settings/site-settings.ts';
import { readSettings } from '../../src/settings/settings.ts';
import { PROJECT_CONTENT } from '../../src/settings/project-paths.ts';

describe('parseBase', () => {
  it('accepts paths that start and end with a slash', () => {
    for (const base of ['/', '/papershelf/', '/a/b-c/', '/caf%C3%A9/']) expect(parseBase(base, '--base')).toBe(base);
  });

  it('refuses anything else, saying what to write instead', () => {
    expect(() => parseBase('papershelf', '--base')).toThrow(
      '--base: `papershelf` must start and end with `/`; the path the archive is served under, e.g. `/papershelf/`',
    );
    expect(() => parseBase('/papershelf', 'PAPERSHELF_BASE')).toThrow('PAPERSHELF_BASE: `/papershelf` must start and end with `/`');
    expect(() => parseBase('', '--base')).toThrow('e.g. `/`');
    expect(() => parseBase('/a b/', '--base')).toThrow('white space');
    expect(() => parseBase('/a/../b/', '--base')).toThrow('`..` segments; the path the archive is served under, e.g. `/a/b/`');
    expect(() => parseBase('//x/', '--base')).toThrow('empty');
    expect(() => parseBase('/x/?y/', '--base')).toThrow('`?`');
  });
});

describe('parseSite', () => {
  it('accepts an http(s) origin, without its trailing slash', () => {
    expect(parseSite('https://example.org', '--site')).toBe('https://example.org');
    expect(parseSite('https://Example.ORG/', '--site')).toBe('https://example.org');
    expect(parseSite('http://localhost:4321', '--site')).toBe('http://localhost:4321');
  });

  it('refuses what is not an absolute http(s) origin', () => {
    expect(() => parseSite('example.org', '--site')).toThrow(
      '--site: `example.org` is not an absolute URL; give the public origin, e.g. `https://example.org`',
    );
    expect(() => parseSite('ftp://example.org', '--site')).toThrow('is not an http(s) URL');
    expect(() => parseSite('https://example.org/papershelf/', '--site')).toThrow(
      'give the origin as the site and the path as the base: `https://example.org` and `/papershelf/`',
    );
    expect(() => parseSite('https://example.org/?a', '--site')).toThrow('may hold only scheme, host and port');
  });
});

describe('readSettings', () => {
  it('takes the flags first, then the environment, then the defaults', () => {
    expect(readSettings({}, {})).toMatchObject({
      site: 'http://localhost:4321',
      base: '/',
      content: PROJECT_CONTENT,
      searchBundleSize: 20_000,
      verbose: false,
    });
    expect(readSettings({}, { PAPERSHELF_SITE: 'https://a.example', PAPERSHELF_BASE: '/x/' })).toMatchObject({
      site: 'https://a.example',
      base: '/x/',
    });
    expect(
      readSettings({ site: 'https://b.example', base: '/y/' }, { PAPERSHELF_SITE: 'https://a.example', PAPERSHELF_BASE: '/x/' }),
    ).toMatchObject({ site: 'https://b.example', base: '/y/' });
    expect(() => readSettings({}, { PAPERSHELF_BASE: 'x' })).toThrow('PAPERSHELF_BASE');
    expect(readSettings({ verbose: true }, { PAPERSHELF_CONTENT_DIR: '/data/content' })).toMatchObject({
      content: '/data/content',
      verbose: true,
    });
  });

  it('takes the bundle size from the environment, and says what is wrong with a bad one', () => {
    expect(readSettings({}, { PAPERSHELF_SEARCH_BUNDLE_SIZE: '300' }).searchBundleSize).toBe(300);
    for (const bad of ['3e', '0', '-4', '2.5']) {
      expect(() => readSettings({}, { PAPERSHELF_SEARCH_BUNDLE_SIZE: bad })).toThrow(
        `PAPERSHELF_SEARCH_BUNDLE_SIZE: \`${bad}\` is not a number of papers; set it to a whole number such as 20000, or unset it for the default`,
      );
    }
  });
});
