/** The only schemes a link on the site may use; everything else (javascript:, data:, file:, …) is refused. */
const ALLOWED_SCHEMES = new Set(['http:', 'https:']);

/**
 * Normalises a URL from untrusted input, or returns null when it is not allowed.
 * `doi:10.x/y` and bare `10.x/y` become `https://doi.org/10.x/y`; surrounding white space is
 * trimmed; relative and protocol-relative URLs are refused, as are URLs with credentials.
 */
export function normalizeUrl(raw: string): string | null {
  const value = raw.trim();
  if (value === '') return null;
  const doi = /^(?:doi:\s*)?(10\.\d{4,9}\/\S+)$/i.exec(value);
  if (doi?.[1]) return new URL(`https://doi.org/${doi[1]}`).href;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) return null;
  let parsed: URL;
  try {
    parsed = new URL(value);
  } catch {
    return null;
  }
  if (!ALLOWED_SCHEMES.has(parsed.protocol)) return null;
  if (parsed.username || parsed.password || parsed.hostname === '') return null;
  return parsed.href;
}

/** True when `value` is already an allowed, normalised absolute URL. */
export function isSafeUrl(value: string): boolean {
  return normalizeUrl(value) === value;
}
