/**
 * The two deployment settings, the public origin and the base path, checked so a typo fails
 * at once with a hint instead of deep inside Astro or as a site of broken links. Pure: where
 * they come from is src/settings/settings.ts.
 */
import { UserError } from '../messages/errors.ts';

/** The public origin the build uses when none is given (astro.config.mjs). */
export const DEFAULT_SITE = 'http://localhost:4321';

/**
 * A base path: it starts and ends with `/` (`/`, `/papershelf/`) and holds no `?`, `#`, `\`,
 * white space or `.`/`..` segment. `from` names where the value came from, for the error.
 */
export function parseBase(value: string, from: string): string {
  const problem =
    !value.startsWith('/') || !value.endsWith('/')
      ? 'must start and end with `/`'
      : /[?#\\\s]/.test(value)
        ? 'may not hold `?`, `#`, `\\` or white space'
        : value.split('/').some((segment) => segment === '.' || segment === '..') || value.includes('//')
          ? 'may not hold empty, `.` or `..` segments'
          : null;
  if (problem === null) return value;
  const suggestion = `/${value
    .split(/[/\\]+/)
    .filter((segment) => segment && segment !== '.' && segment !== '..')
    .join('/')}/`.replace('//', '/');
  throw new UserError(`${from}: \`${value}\` ${problem}; the path the archive is served under, e.g. \`${suggestion}\``);
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
    throw new UserError(`${from}: \`${value}\` is not an absolute URL; give the public origin, e.g. \`https://example.org\``);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UserError(`${from}: \`${value}\` is not an http(s) URL; give the public origin, e.g. \`https://example.org\``);
  }
  if (url.username || url.password || url.search || url.hash || value.endsWith('?') || value.endsWith('#')) {
    throw new UserError(`${from}: \`${value}\` may hold only scheme, host and port, e.g. \`${url.origin}\``);
  }
  if (url.pathname !== '/') {
    throw new UserError(
      `${from}: \`${value}\` has a path; give the origin as the site and the path as the base: \`${url.origin}\` and \`${url.pathname.replace(/\/?$/, '/')}\``,
    );
  }
  return url.origin;
}
