import { describe, expect, it } from 'vitest';
import { queryFromPath } from '../../src/scripts/not-found/query-from-path.ts';

describe('queryFromPath', () => {
  it('turns a paper address into its title words', () => {
    expect(queryFromPath('/papers/successor-heads-recurring/')).toBe('successor heads recurring');
  });

  it('drops the base and the names of kinds of page', () => {
    expect(queryFromPath('/shelf/papers/index.html', '/shelf/')).toBe('');
    expect(queryFromPath('/shelf/days/2025-03-19/', '/shelf/')).toBe('2025 03 19');
  });

  it('decodes escapes, keeps letters of any script and survives malformed ones', () => {
    expect(queryFromPath('/papers/%D8%A7%D9%84%D8%AA%D8%B9%D9%84%D9%85-deep/')).toBe('التعلم deep');
    expect(queryFromPath('/papers/bad%E0%A4%A-escape/')).toBe('bad E0 A4 A escape');
  });

  it('keeps at most eight words and never markup', () => {
    expect(queryFromPath('/a/b/c/d/e/f/g/h/i/j/')).toBe('a b c d e f g h');
    expect(queryFromPath('/papers/<script>alert(1)</script>/')).toBe('script alert 1 script');
  });
});
