/** I/O: the `User-Agent` every request of `papershelf fetch` sends, so the APIs' operators know who asks. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../settings/project-paths.ts';

/** What of package.json the User-Agent says. */
export interface PackageFacts {
  readonly version?: unknown;
  readonly homepage?: unknown;
  readonly repository?: unknown;
}

/** The web address of a `repository` field (`"github:x/y"`, `{ url: "git+https://…/y.git" }`), or undefined. */
function repositoryUrl(repository: unknown): string | undefined {
  const raw = typeof repository === 'string' ? repository : (repository as { url?: unknown } | null)?.url;
  if (typeof raw !== 'string') return undefined;
  const short = /^(?:github:)?([\w.-]+\/[\w.-]+)$/.exec(raw);
  if (short) return `https://github.com/${short[1]}`;
  const url = raw.replace(/^git\+/, '').replace(/\.git$/, '');
  return /^https?:\/\//.test(url) ? url : undefined;
}

/** `Papershelf/<version> (+<homepage or repository>)`; the parenthesis only when package.json names a home. */
export function userAgentFor(facts: PackageFacts): string {
  const version = typeof facts.version === 'string' ? facts.version : '0.0.0';
  const home = typeof facts.homepage === 'string' && /^https?:\/\//.test(facts.homepage) ? facts.homepage : repositoryUrl(facts.repository);
  return `Papershelf/${version}${home ? ` (+${home})` : ''}`;
}

/** This project's User-Agent, from its package.json. */
export function userAgent(): string {
  return userAgentFor(JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as PackageFacts);
}
