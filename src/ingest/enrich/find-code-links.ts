/**
 * Repository links in free text (an abstract): GitHub, GitLab (gitlab.com and self-hosted
 * `gitlab.*` hosts) and Hugging Face models, spaces and datasets, written with or without
 * `https://` or `www.`, bare, in brackets, in Markdown or in LaTeX `\url{}` / `\href{}{}`.
 * Links are cut to the repository (`/tree/main/src`, `.git`, queries and trailing
 * punctuation dropped), so the same repository cited twice is one link.
 */

/** What kind of repository a link names, best first as a paper's code link. */
export type CodeLinkKind = 'code' | 'model' | 'space' | 'dataset';

/** One repository link, normalised to `https://host/owner/name`. */
export interface CodeLink {
  readonly url: string;
  readonly kind: CodeLinkKind;
}

/**
 * A host we know, optional scheme and `www.`, then the path. Not preceded by a word character,
 * dot, `@` or `/`, so `gist.github.com`, `user.github.io` and e-mail addresses are skipped; a
 * scheme may follow anything (`at-https://…`), and `//host` (no scheme) is accepted.
 */
const LINK =
  /(?<![\w.@/])(?:(?:https?:)?\/\/)?(?:www\.)?(github\.com|gitlab\.com|gitlab(?:\.[a-z0-9-]+)+\.[a-z]{2,}|huggingface\.co|hf\.co)(\/[\w.~%/#?=&-]*)/giu;

/** GitHub paths that are pages of the site, not accounts (github.com/features, /orgs/x, …). */
const GITHUB_PAGES = new Set([
  'about',
  'apps',
  'blog',
  'codespaces',
  'collections',
  'contact',
  'copilot',
  'customer-stories',
  'enterprise',
  'events',
  'explore',
  'features',
  'issues',
  'join',
  'login',
  'marketplace',
  'new',
  'notifications',
  'orgs',
  'organizations',
  'pricing',
  'pulls',
  'readme',
  'resources',
  'search',
  'security',
  'settings',
  'site',
  'solutions',
  'sponsors',
  'team',
  'topics',
  'trending',
  'users',
]);
/** Hugging Face paths that are pages of the site, not accounts. */
const HF_PAGES = new Set([
  'api',
  'blog',
  'chat',
  'collections',
  'docs',
  'enterprise',
  'join',
  'learn',
  'login',
  'models',
  'new',
  'organizations',
  'papers',
  'posts',
  'pricing',
  'settings',
  'tasks',
]);
/** GitLab segments where a project path ends (`/-/tree/…`, and old-style `/tree/…`). */
const GITLAB_ACTIONS = new Set(['-', 'tree', 'blob', 'raw', 'commits', 'commit', 'issues', 'merge_requests', 'wikis', 'tags', 'releases']);
/** First GitLab segments that are site pages, not groups. */
const GITLAB_PAGES = new Set(['explore', 'help', 'dashboard', 'users', 'search', 'admin', 'projects']);

const GITHUB_OWNER = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,37}[A-Za-z0-9])?$/;
const NAME = /^[A-Za-z0-9_.-]+$/;

/** A repository name as cited: trailing full stops and a `.git` suffix removed; null when nothing is left. */
function cleanName(raw: string | undefined): string | null {
  if (raw === undefined) return null;
  const name = raw
    .replace(/\.+$/, '')
    .replace(/\.git$/i, '')
    .replace(/\.+$/, '');
  return name !== '' && NAME.test(name) && !/^\.+$/.test(name) ? name : null;
}

function githubLink(segments: readonly string[]): CodeLink | null {
  const [owner, repo] = segments;
  if (owner === undefined || !GITHUB_OWNER.test(owner) || GITHUB_PAGES.has(owner.toLowerCase())) return null;
  const name = cleanName(repo);
  return name === null ? null : { url: `https://github.com/${owner}/${name}`, kind: 'code' };
}

function gitlabLink(host: string, segments: readonly string[]): CodeLink | null {
  const end = segments.findIndex((segment) => GITLAB_ACTIONS.has(segment));
  const path = end === -1 ? [...segments] : segments.slice(0, end);
  const last = cleanName(path.pop());
  if (last === null || path.length === 0 || GITLAB_PAGES.has(path[0]?.toLowerCase() ?? '')) return null;
  if (!path.every((segment) => NAME.test(segment))) return null;
  return { url: `https://${host}/${[...path, last].join('/')}`, kind: 'code' };
}

function huggingFaceLink(segments: readonly string[]): CodeLink | null {
  const [first, ...rest] = segments;
  if (first === undefined) return null;
  const kind: CodeLinkKind = first === 'spaces' ? 'space' : first === 'datasets' ? 'dataset' : 'model';
  const [owner, repo] = kind === 'model' ? segments : rest;
  if (owner === undefined || !NAME.test(owner) || (kind === 'model' && HF_PAGES.has(owner.toLowerCase()))) return null;
  const name = cleanName(repo);
  if (name === null) return null;
  const prefix = kind === 'model' ? '' : `${first}/`;
  return { url: `https://huggingface.co/${prefix}${owner}/${name}`, kind };
}

/** The repository a matched host and path name, or null for site pages, profiles and broken links. */
function toLink(host: string, path: string): CodeLink | null {
  // Queries and fragments never name a repository; empty segments come from `//` typos.
  const segments = path
    .replace(/[?#].*$/, '')
    .split('/')
    .filter((segment) => segment !== '');
  const lower = host.toLowerCase();
  if (lower === 'github.com') return githubLink(segments);
  if (lower === 'huggingface.co' || lower === 'hf.co') return huggingFaceLink(segments);
  return gitlabLink(lower, segments);
}

/** Every repository link in `text`, normalised, once each, in order of first appearance. */
export function findCodeLinkDetails(text: string): CodeLink[] {
  // LaTeX escapes underscores in URLs (`PDP\_IOD`); undo that before matching.
  const plain = text.normalize('NFC').replace(/\\_/g, '_');
  const seen = new Set<string>();
  const links: CodeLink[] = [];
  for (const match of plain.matchAll(LINK)) {
    const link = toLink(match[1] ?? '', match[2] ?? '');
    if (link === null) continue;
    // Both hosts treat owner and name case-insensitively, so `Foo/Bar` and `foo/bar` are one repository.
    const key = link.url.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    links.push(link);
  }
  return links;
}

/** Repository URLs in `text` (GitHub, GitLab, Hugging Face), normalised to `https://…`, deduplicated, in order of appearance. */
export function findCodeLinks(text: string): string[] {
  return findCodeLinkDetails(text).map((link) => link.url);
}

const RANK: Record<CodeLinkKind, number> = { code: 0, model: 1, space: 2, dataset: 3 };

/**
 * The link to use as a paper's code URL when it has none: the first GitHub or GitLab
 * repository, else the first Hugging Face model, else the first space; null when there is
 * none. Datasets are never picked: they hold data, not code.
 */
export function pickCodeUrl(text: string): string | null {
  const candidates = findCodeLinkDetails(text).filter((link) => link.kind !== 'dataset');
  const best = candidates.reduce<CodeLink | null>((top, link) => (top === null || RANK[link.kind] < RANK[top.kind] ? link : top), null);
  return best?.url ?? null;
}
