import { describe, expect, it } from 'vitest';
import { isSafeUrl, normalizeUrl } from '../../src/schema/safe-url.ts';

describe('normalizeUrl', () => {
  it('accepts http and https and normalises them', () => {
    expect(normalizeUrl(' https://GitHub.com/a/b ')).toBe('https://github.com/a/b');
    expect(normalizeUrl('http://example.org/x y"<>')).toBe('http://example.org/x%20y%22%3C%3E');
  });

  it('turns DOIs into doi.org links', () => {
    expect(normalizeUrl('doi:10.1000/xyz123')).toBe('https://doi.org/10.1000/xyz123');
    expect(normalizeUrl('10.48550/arXiv.2501.00663')).toBe('https://doi.org/10.48550/arXiv.2501.00663');
  });

  it('refuses every other scheme, relative URLs and credentials', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      'vbscript:x',
      'file:///etc/passwd',
      '//evil.example',
      '/relative',
      'garbage',
      'https://user:pw@example.org/',
      'ftp://example.org/',
    ]) {
      expect(normalizeUrl(bad), bad).toBeNull();
    }
  });

  it('calls only normalised allowed URLs safe', () => {
    expect(isSafeUrl('https://arxiv.org/abs/2501.00663')).toBe(true);
    expect(isSafeUrl('https://GitHub.com/a')).toBe(false);
    expect(isSafeUrl('javascript:alert(1)')).toBe(false);
  });
});
