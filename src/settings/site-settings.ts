/**
 * The two deployment settings, the public origin and the base path, checked so a typo fails
 * at once with a hint instead of deep inside Astro or as a site of broken links. Pure: where
 * they come from is src/settings/settings.ts.
 */
import { userError } from '../messages/message.ts';
import {
  BaseHasOddCharacter,
  BaseHasOddSegment,
  BaseNotSlashed,
  SiteHasPath,
  SiteNotAbsolute,
  SiteNotHttp,
  SiteNotOrigin,
} from '../messages/messages.ts';

/** The public origin the build uses when none is given (astro.config.mjs). */
export const DEFAULT_SITE = 'http://localhost:4321';

/**
 * A base path: it starts and ends with `/` (`/`, `/papershelf/`) and holds no `?`, `#`, `\`,
 * white space or `.`/`..` segment. `from` names where the value came from, for the error.
 */
export function parseBase(value: string, from: string): string {
  const problem =
    !value.startsWith('/') || !value.endsWith('/')
      ? BaseNotSlashed
      : /[?#\\\s]/.test(value)
        ? BaseHasOddCharacter
        : value.split('/').some((segment) => segment === '.' || segment === '..') || value.includes('//')
          ? BaseHasOddSegment
          : null;
  if (problem === null) return value;
  const suggestion = `/${value
    .split(/[/\\]+/)
    .filter((segment) => segment && segment !== '.' && segment !== '..')
    .join('/')}/`.replace('//', '/');
  throw userError(problem, from, value, suggestion);
}

/**
 * A site: an absolute `http:` or `https:` URL with no path, query or fragment
 * (`https://example.org`), returned without a trailing slash. The path goes in the base.
 */
export function parseSite(value: string, from: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw userError(SiteNotAbsolute, from, value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw userError(SiteNotHttp, from, value);
  }
  if (url.username || url.password || url.search || url.hash || value.endsWith('?') || value.endsWith('#')) {
    throw userError(SiteNotOrigin, from, value, url.origin);
  }
  if (url.pathname !== '/') {
    throw userError(SiteHasPath, from, value, url.origin, url.pathname.replace(/\/?$/, '/'));
  }
  return url.origin;
}
