import { afterEach, describe, expect, it, vi } from 'vitest';
import { feedUrl, href, paperUrl } from '../../src/site/urls.ts';

describe('site addresses', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('put every address under the configured base', () => {
    vi.stubEnv('BASE_URL', '/papershelf/');
    expect(paperUrl('a-paper')).toBe('/papershelf/papers/a-paper/');
    expect(feedUrl('', 'atom')).toBe('/papershelf/feed.xml');
  });

  it('follow the base when it changes, with or without its last slash', () => {
    vi.stubEnv('BASE_URL', '/one');
    expect(href('days/')).toBe('/one/days/');
    vi.stubEnv('BASE_URL', '/two/');
    expect(href('/days/')).toBe('/two/days/');
    vi.stubEnv('BASE_URL', '/');
    expect(href()).toBe('/');
  });
});
