/** Where a link of a built site leads: resolved as a browser would, against base and origin. */
import { describe, expect, it } from 'vitest';
import { resolveLink, resolveSiteUrl, servedPath } from '../../src/links/resolve-link.ts';

const root = { origin: 'https://example.org', base: '/' };
const sub = { origin: 'https://example.org', base: '/papershelf/' };

describe('servedPath', () => {
  it('serves a folder at its index.html, other files at their names, under the base', () => {
    expect(servedPath('index.html', '/papershelf/')).toBe('/papershelf/');
    expect(servedPath('papers/x/index.html', '/papershelf/')).toBe('/papershelf/papers/x/');
    expect(servedPath('404.html', '/')).toBe('/404.html');
    expect(servedPath('topics/a/feed.xml', '/')).toBe('/topics/a/feed.xml');
  });
});

describe('resolveLink', () => {
  it('leads a folder address to its index.html, and one without its slash to the file or the folder', () => {
    expect(resolveLink('/papershelf/days/', '/papershelf/', sub)).toMatchObject({
      kind: 'internal',
      files: ['days/index.html'],
      fragment: null,
    });
    expect(resolveLink('/papershelf/', '/papershelf/days/', sub)).toMatchObject({ files: ['index.html'] });
    expect(resolveLink('/papershelf', '/papershelf/days/', sub)).toMatchObject({ files: ['index.html'] });
    expect(resolveLink('/papershelf/days', '/papershelf/', sub)).toMatchObject({ files: ['days', 'days/index.html'] });
  });

  it('resolves relative links against the page, as a browser does', () => {
    expect(resolveLink('../b/', '/papershelf/papers/a/', sub)).toMatchObject({ files: ['papers/b/index.html'] });
    expect(resolveLink('feed.xml', '/papershelf/topics/t/', sub)).toMatchObject({
      files: ['topics/t/feed.xml', 'topics/t/feed.xml/index.html'],
    });
    expect(resolveLink('', '/papershelf/days/', sub)).toMatchObject({ files: ['days/index.html'] });
  });

  it('reports an internal link that leaves the base path', () => {
    expect(resolveLink('/days/', '/papershelf/', sub)).toEqual({
      kind: 'broken',
      reason: 'outside the base path /papershelf/, where the archive is served',
    });
    expect(resolveLink('../../days/', '/papershelf/papers/', sub)).toMatchObject({ kind: 'broken' });
    expect(resolveLink('https://example.org/days/', '/papershelf/', sub)).toMatchObject({ kind: 'broken' });
  });

  it('checks absolute links on the site origin like any other, and leaves other origins and schemes alone', () => {
    expect(resolveLink('https://example.org/papershelf/feed.xml', '/papershelf/', sub)).toMatchObject({
      kind: 'internal',
      files: ['feed.xml', 'feed.xml/index.html'],
    });
    for (const ref of [
      'https://arxiv.org/abs/1',
      'http://example.org/papershelf/',
      'https://example.org:8443/',
      '//cdn.example.com/x.js',
      'mailto:a@b.c',
      'tel:123',
      'data:text/plain,x',
    ]) {
      expect(resolveLink(ref, '/papershelf/', sub), ref).toEqual({ kind: 'external' });
    }
  });

  it('ignores query strings and keeps fragments, decoded and as written', () => {
    expect(resolveLink('/search/?q=a%20b#results', '/', root)).toMatchObject({
      files: ['search/index.html'],
      fragment: { raw: 'results', decoded: 'results' },
    });
    expect(resolveLink('#caf%C3%A9', '/papers/x/', root)).toMatchObject({
      files: ['papers/x/index.html'],
      fragment: { raw: 'caf%C3%A9', decoded: 'café' },
    });
    expect(resolveLink('#', '/', root)).toMatchObject({ fragment: null });
    expect(resolveLink('#top', '/', root)).toMatchObject({ fragment: null });
    expect(resolveLink('#:~:text=attention', '/', root)).toMatchObject({ fragment: null });
  });

  it('decodes %-escapes and raw non-ASCII letters to find the file', () => {
    expect(resolveLink('/papers/caf%C3%A9/', '/', root)).toMatchObject({ files: ['papers/café/index.html'] });
    expect(resolveLink('/papers/café/', '/', root)).toMatchObject({ files: ['papers/café/index.html'] });
    expect(resolveLink('/papers/a%20b.bib', '/', root)).toMatchObject({ files: ['papers/a b.bib', 'papers/a b.bib/index.html'] });
    expect(resolveLink(' /days/ ', '/', root)).toMatchObject({ files: ['days/index.html'] });
  });

  it('reports paths no host maps to a file', () => {
    expect(resolveLink('/papers/%E0%A4%A/', '/', root)).toEqual({ kind: 'broken', reason: 'malformed %-escape in the path' });
    expect(resolveLink('/papers/a%2Fb/', '/', root)).toMatchObject({ kind: 'broken' });
    expect(resolveLink('/papershelf//days/', '/papershelf/', sub)).toEqual({
      kind: 'broken',
      reason: 'an empty segment (`//`) in the path',
    });
    expect(resolveLink('http://[::1', '/', root)).toEqual({ kind: 'broken', reason: 'not a valid URL' });
  });
});

describe('resolveSiteUrl', () => {
  it('accepts an absolute address on the site and refuses any other', () => {
    expect(resolveSiteUrl('https://example.org/papershelf/sitemap-1.xml', sub)).toMatchObject({
      kind: 'internal',
      files: ['sitemap-1.xml', 'sitemap-1.xml/index.html'],
    });
    expect(resolveSiteUrl('http://localhost:4321/sitemap-1.xml', sub)).toMatchObject({
      kind: 'broken',
      reason: expect.stringContaining('not an address on the site https://example.org/papershelf/'),
    });
    expect(resolveSiteUrl('/papershelf/sitemap-1.xml', sub)).toMatchObject({ kind: 'broken' });
    expect(resolveSiteUrl('https://example.org/sitemap-1.xml', sub)).toMatchObject({
      kind: 'broken',
      reason: expect.stringContaining('outside the base path'),
    });
  });
});
