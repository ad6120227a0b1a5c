/** Reading request paths: what is in the archive, and where redirects may go. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { folderLocation, parseRequestPath } from '../../src/serve/request-path.ts';

describe('parseRequestPath', () => {
  it('reads a path under the base into decoded segments, keeping the query', () => {
    expect(parseRequestPath('/', '/')).toEqual({ kind: 'inside', segments: [], folder: true, query: '' });
    expect(parseRequestPath('/papers/x/?q=a', '/')).toEqual({ kind: 'inside', segments: ['papers', 'x'], folder: true, query: '?q=a' });
    expect(parseRequestPath('/papershelf/caf%C3%A9', '/papershelf/')).toEqual({
      kind: 'inside',
      segments: ['café'],
      folder: false,
      query: '',
    });
    expect(parseRequestPath('/papershelf?q=a', '/papershelf/')).toEqual({ kind: 'base', location: '/papershelf/?q=a' });
  });

  it('finds nothing for paths no link of the archive makes', () => {
    const refused = [
      '//evil.example/..%2fdays',
      '//evil.example/days/',
      '/%2F',
      '/a%5cb',
      '/a\\b',
      '/a/../b',
      '/./a',
      '/%2e%2e/a',
      '/a//b',
      '/a%00',
      '/%E0%A4%A',
      '*',
      'http://evil.example/',
    ];
    for (const url of refused) expect(parseRequestPath(url, '/'), url).toEqual({ kind: 'outside' });
    for (const url of ['/', '/papershelfx/', '/papershelf//evil.example/', '//papershelf/'])
      expect(parseRequestPath(url, '/papershelf/'), url).toEqual({ kind: 'outside' });
  });

  it('never makes a redirect that could leave this origin', () => {
    // Requests made of the pieces that make trouble, and of anything at all.
    const piece = fc.constantFrom(
      '/',
      '//',
      '\\',
      '%2f',
      '%5C',
      '.',
      '..',
      '%2e%2e',
      '?',
      '%00',
      '%',
      'papershelf',
      'evil.example',
      'days',
      'é',
      '%C3%A9',
      ' ',
    );
    const url = fc.oneof(
      fc.array(piece, { maxLength: 8 }).map((pieces) => pieces.join('')),
      fc.string(),
    );
    // Whatever the request, a Location starts with one `/` and then neither `/` nor `\`.
    const sameOrigin = /^\/(?![/\\])/;
    fc.assert(
      fc.property(url, fc.constantFrom('/', '/papershelf/'), (url, base) => {
        const asked = parseRequestPath(url, base);
        if (asked.kind === 'base') expect(asked.location).toMatch(sameOrigin);
        if (asked.kind === 'inside') expect(folderLocation(base, asked)).toMatch(sameOrigin);
      }),
      { numRuns: 2000 },
    );
  });
});
