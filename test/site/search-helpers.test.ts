import { describe, expect, it } from 'vitest';
import { decodeEntities, parseExcerpt } from '../../src/scripts/search/excerpt.ts';
import { readState, writeState } from '../../src/scripts/search/url-state.ts';

describe('parseExcerpt', () => {
  it('splits highlighted and plain text', () => {
    expect(parseExcerpt('a <mark>successor</mark> head')).toEqual([
      { text: 'a ', mark: false },
      { text: 'successor', mark: true },
      { text: ' head', mark: false },
    ]);
  });

  it('decodes escaped markup into text and never keeps other tags', () => {
    const pieces = parseExcerpt('&lt;script&gt;alert(1)&lt;/script&gt; <img src=x onerror=alert(1)> <b>x</b>');
    expect(pieces.map((piece) => piece.text).join('')).toBe('<script>alert(1)</script>  x');
    expect(pieces.every((piece) => !piece.mark)).toBe(true);
  });

  it('decodes one level of entities only', () => {
    expect(decodeEntities('&amp;lt;b&amp;gt; &#x3C; &#60; &bogus;')).toBe('&lt;b&gt; < < &bogus;');
  });
});

describe('search URL state', () => {
  const names = ['topics', 'year'];

  it('reads query, sort and known filters', () => {
    const state = readState(new URLSearchParams('q=successor%20heads&sort=date:desc&topics=Attention&topics=Attention&year=2025&evil=1'), names);
    expect(state).toEqual({ query: 'successor heads', sort: 'date:desc', filters: { topics: ['Attention'], year: ['2025'] } });
  });

  it('ignores unknown sorts and writes a stable order', () => {
    const state = readState(new URLSearchParams('sort=javascript:alert(1)&year=2025&topics=B&topics=A'), names);
    expect(state.sort).toBe('');
    expect(writeState(state).toString()).toBe('topics=B&topics=A&year=2025');
    expect(readState(writeState(state), names)).toEqual(state);
  });
});
