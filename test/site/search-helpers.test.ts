import { describe, expect, it } from 'vitest';
import { buildExcerpt } from '../../src/scripts/search/excerpt.ts';
import { readState, writeState } from '../../src/scripts/search/url-state.ts';

describe('buildExcerpt', () => {
  const text = (pieces: { text: string; mark: boolean }[]) => pieces.map((piece) => (piece.mark ? `[${piece.text}]` : piece.text)).join('');

  it('marks the matched words', () => {
    expect(buildExcerpt('we present successor heads in the wild', [2, 3])).toEqual([
      { text: 'we present ', mark: false },
      { text: 'successor heads', mark: true },
      { text: ' in the wild', mark: false },
    ]);
  });

  it('keeps text that looks like markup or entities exactly as written', () => {
    const content = 'A13: &lt;script&gt; &amp;amp; <b>A13</b> Entities stay: <img src=x onerror=alert(1)>';
    expect(text(buildExcerpt(content, [4]))).toBe('A13: &lt;script&gt; &amp;amp; <b>A13</b> [Entities] stay: <img src=x onerror=alert(1)>');
  });

  it('shows the window holding the most matches, with ellipses where text was cut', () => {
    const words = Array.from({ length: 100 }, (_, i) => `w${i}`).join(' ');
    const pieces = buildExcerpt(words, [3, 70, 72, 75], 10);
    expect(text(pieces)).toBe('… w68 w69 [w70] w71 [w72] w73 w74 [w75] w76 w77 …');
  });

  it('copes with no matches and empty text', () => {
    expect(text(buildExcerpt('one two three', []))).toBe('one two three');
    expect(buildExcerpt('', [1])).toEqual([]);
  });
});

describe('search URL state', () => {
  const names = ['topics', 'year'];

  it('reads query, sort and known filters', () => {
    const state = readState(
      new URLSearchParams('q=successor%20heads&sort=date:desc&topics=Attention&topics=Attention&year=2025&evil=1'),
      names,
    );
    expect(state).toEqual({ query: 'successor heads', sort: 'date:desc', filters: { topics: ['Attention'], year: ['2025'] } });
  });

  it('ignores unknown sorts and writes a stable order', () => {
    const state = readState(new URLSearchParams('sort=javascript:alert(1)&year=2025&topics=B&topics=A'), names);
    expect(state.sort).toBe('');
    expect(writeState(state).toString()).toBe('topics=B&topics=A&year=2025');
    expect(readState(writeState(state), names)).toEqual(state);
  });
});
