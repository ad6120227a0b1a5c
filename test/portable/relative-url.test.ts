import { describe, expect, it } from 'vitest';
import { relativeRoot, relativeUrl } from '../../src/portable/relative-url.ts';
import { withIndexHtml } from '../../src/portable/with-index-html.ts';

describe('relativeUrl', () => {
  const at = (page: string, url: string, base = '/') => relativeUrl(url, page, base);

  it('makes site links relative to the page and names index.html', () => {
    expect(at('index.html', '/')).toBe('index.html');
    expect(at('index.html', '/papers/x/')).toBe('papers/x/index.html');
    expect(at('papers/x/index.html', '/')).toBe('../../index.html');
    expect(at('papers/x/index.html', '/topics/attention/')).toBe('../../topics/attention/index.html');
    expect(at('search/index.html', '/search/')).toBe('../search/index.html');
    expect(at('days/index.html', '/favicon.svg')).toBe('../favicon.svg');
    expect(at('topics/a/2/index.html', '/_astro/Base.x.css')).toBe('../../../_astro/Base.x.css');
  });

  it('keeps the query and the hash', () => {
    expect(at('papers/x/index.html', '/search/?q=successor%20heads&topics=a')).toBe('../../search/index.html?q=successor%20heads&topics=a');
    expect(at('index.html', '/days/#latest')).toBe('days/index.html#latest');
    expect(at('days/index.html', '/days/?a=1#b')).toBe('../days/index.html?a=1#b');
    expect(at('days/index.html', '/papers/x/#?not-a-query')).toBe('../papers/x/index.html#?not-a-query');
  });

  it('honours a base other than /', () => {
    expect(at('papers/x/index.html', '/shelf/papers/y/', '/shelf/')).toBe('../../papers/y/index.html');
    expect(at('index.html', '/shelf/', '/shelf/')).toBe('index.html');
    expect(at('days/index.html', '/shelf', '/shelf/')).toBe('../index.html');
    expect(at('days/index.html', '/shelf/search/?q=a', '/shelf/')).toBe('../search/index.html?q=a');
    // Outside the base: not part of the archive, so not ours to change.
    expect(at('days/index.html', '/other/', '/shelf/')).toBe('/other/');
    expect(at('days/index.html', '/shelfish/', '/shelf/')).toBe('/shelfish/');
  });

  it('leaves external, scheme and fragment-only URLs alone', () => {
    for (const url of [
      'https://arxiv.org/abs/1',
      'http://x/',
      '//cdn.example/a.js',
      'mailto:a@example.org',
      'data:text/plain,x',
      'javascript:void 0',
      '#content',
      '?q=1',
      '',
    ]) {
      expect(at('papers/x/index.html', url), url).toBe(url);
    }
  });

  it('keeps relative URLs relative, naming index.html for folders', () => {
    expect(at('papers/x/index.html', '../y/')).toBe('../y/index.html');
    expect(at('papers/x/index.html', '../y/?q=1#h')).toBe('../y/index.html?q=1#h');
    expect(at('papers/x/index.html', '..')).toBe('../index.html');
    expect(at('papers/x/index.html', './')).toBe('./index.html');
    expect(at('papers/x/index.html', 'paper.bib')).toBe('paper.bib');
    expect(at('papers/x/index.html', '../y/index.html')).toBe('../y/index.html');
  });

  it('trims white space as browsers do, and never turns a path into a scheme', () => {
    expect(at('index.html', '  /days/ \n')).toBe('days/index.html');
    expect(at('index.html', '/c:x/')).toBe('./c:x/index.html');
  });

  it('keeps a prefix a folder', () => {
    expect(relativeUrl('/', 'search/index.html', '/', 'prefix')).toBe('../');
    expect(relativeUrl('/shelf/', 'search/index.html', '/shelf/', 'prefix')).toBe('../');
    expect(relativeUrl('/', 'index.html', '/', 'prefix')).toBe('./');
  });
});

describe('relativeRoot and withIndexHtml', () => {
  it('climb back to the root and name folder pages', () => {
    expect(relativeRoot('index.html')).toBe('');
    expect(relativeRoot('a/b/index.html')).toBe('../../');
    expect(withIndexHtml('../papers/x/')).toBe('../papers/x/index.html');
    expect(withIndexHtml('../papers/x/?q#h')).toBe('../papers/x/index.html?q#h');
    expect(withIndexHtml('../a.css')).toBe('../a.css');
    expect(withIndexHtml('#top')).toBe('#top');
  });
});
