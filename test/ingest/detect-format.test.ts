import { describe, expect, it } from 'vitest';
import { detectFormat } from '../../src/ingest/parse/detect-format.ts';

const daily = JSON.stringify([{ paper: { id: '2501.00663', title: 'Titans' }, publishedAt: '2025-01-01T00:00:00.000Z' }], null, 2);
const native = JSON.stringify([{ id: '2501.00663', title: 'Titans', date: '2025-01-01' }], null, 2);

describe('detectFormat', () => {
  it.each([
    ['papers.jsonl', '', 'jsonl'],
    ['papers.NDJSON', '', 'jsonl'],
    ['library.bib', '', 'bibtex'],
    ['export.atom', '', 'arxiv-atom'],
    ['query.XML', '', 'arxiv-atom'],
    ['page.txt', '', 'trending-page'],
  ] as const)('goes by the extension first: %s', (file, text, format) => {
    expect(detectFormat(file, text)).toBe(format);
  });

  it('tells a daily-papers response from native JSON by its `paper` objects', () => {
    expect(detectFormat('2025-01-02.json', daily)).toBe('hf-daily-papers');
    expect(detectFormat('papers.json', native)).toBe('json');
    expect(detectFormat('papers.json', '{"papers": []}')).toBe('json');
    // One damaged item first does not hide the format of the rest.
    expect(detectFormat('daily.json', `[{"title": "no paper"}, ${daily.slice(1)}`)).toBe('hf-daily-papers');
    // `paper` must hold an object: a string field of that name is just an unknown native field.
    expect(detectFormat('papers.json', '[{"paper": "x", "title": "T"}]')).toBe('json');
  });

  it('reads only a prefix of a huge file, even one cut mid-item', () => {
    const huge = `[${Array.from({ length: 5000 }, () => daily.slice(1, -1)).join(',')}]`;
    expect(huge.length).toBeGreaterThan(64 * 1024);
    expect(detectFormat('daily.json', huge)).toBe('hf-daily-papers');
  });

  it.each([
    ['an XML declaration', '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">'],
    ['a bare feed', '<feed xmlns="http://www.w3.org/2005/Atom"></feed>'],
    ['a BOM, blank lines and a comment', '\uFEFF\n\n<!-- saved from the arXiv API\n<entry> -->\n<feed>'],
  ])('detects an Atom feed without extension: %s', (_, text) => {
    expect(detectFormat('arxiv-export', text)).toBe('arxiv-atom');
  });

  it.each([
    ['an entry first', '@article{key,\n  title = {T}\n}'],
    ['notes and % comments before it', 'My references\n% exported 2025\n\n  @InProceedings ( key, title = "T" )'],
  ])('detects BibTeX without extension: %s', (_, text) => {
    expect(detectFormat('references', text)).toBe('bibtex');
  });

  it('keeps detecting JSON Lines and JSON by content', () => {
    expect(detectFormat('dump', '{"title": "A"}\n{"title": "B"}\n')).toBe('jsonl');
    expect(detectFormat('dump', native)).toBe('json');
    expect(detectFormat('dump', daily)).toBe('hf-daily-papers');
  });

  it('gives up on anything else, so the caller can ask for --format', () => {
    expect(detectFormat('notes', 'Mar 19\n\nSome title\n\nSome abstract mentioning user@example.org')).toBeNull();
    expect(detectFormat('page.html', '<!doctype html><html></html>')).toBeNull();
  });
});
