/**
 * The bundled archive, built for the root of a host and for GitHub Pages under `/papershelf/`,
 * has no broken internal link; `check-links` finds one as soon as there is.
 */
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'papershelf-links-'));
const source = join(root, 'content', 'sources', 'trending-page-2025-03-19.txt');
const atRoot = join(work, 'root');
const underBase = join(work, 'base');
// Neither build may pick up a site or base from the shell that runs the tests.
const clean = { PAPERSHELF_SITE: '', PAPERSHELF_BASE: '' };

/** Builds the bundled archive into `out` with `flags`, and fails loudly when the build does. */
function build(out: string, flags: string[]): void {
  const run = runCli(['build', source, '--out', out, ...flags], root, clean);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
}

const checkLinks = (dir: string, flags: string[] = []): CliRun => runCli(['check-links', dir, ...flags], root, clean);

beforeAll(() => {
  build(atRoot, []);
  build(underBase, ['--base', '/papershelf/', '--site', 'https://example.org']);
}, 300_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('papershelf check-links', () => {
  it('finds no broken link in the archive built for the root of a host', () => {
    const run = checkLinks(atRoot);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^Checked [\d,]+ files in \S+: [\d,]+ links, 0 broken\n$/);
    expect(run.status).toBe(0);
  });

  it('finds no broken link in the archive built for GitHub Pages under /papershelf/', () => {
    const run = checkLinks(underBase, ['--base', '/papershelf/', '--site', 'https://example.org']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/, 0 broken\n$/);
    expect(run.status).toBe(0);
  });

  it('reads the site and base from the environment too', () => {
    const run = runCli(['check-links', underBase], root, { PAPERSHELF_SITE: 'https://example.org', PAPERSHELF_BASE: '/papershelf/' });
    expect(run.status).toBe(0);
  });

  it('fails an archive checked for another base or site, and says what may be wrong', () => {
    const base = checkLinks(underBase, ['--site', 'https://example.org']);
    expect(base.status).toBe(1);
    // A navigation link broken on every page is listed for the first pages in path order.
    expect(base.stderr).toContain(`${join(underBase, '404.html')}:1: /papershelf/days/: no such file: papershelf/days/index.html`);
    expect(base.stdout).toContain('was the archive built for another site or base than https://example.org/');
    const site = checkLinks(underBase, ['--base', '/papershelf/', '--site', 'https://example.com']);
    expect(site.status).toBe(1);
    expect(site.stderr).toContain(
      `${join(underBase, 'sitemap.xml')}:5: https://example.org/papershelf/sitemap-1.xml: not an address on the site https://example.com/papershelf/`,
    );
    expect(site.stderr).toContain(
      `${join(underBase, 'robots.txt')}:4: https://example.org/papershelf/sitemap.xml: not an address on the site`,
    );
    expect(site.stderr).toMatch(/feed\.xml:\d+: https:\/\/example\.org\/papershelf\/feed\.xml: not an address on the site/);
  });

  it('names each broken link when a page, a file or an element is missing', () => {
    const copy = join(work, 'broken');
    cpSync(atRoot, copy, { recursive: true });
    rmSync(join(copy, 'days'), { recursive: true });
    writeFileSync(
      join(copy, 'extra.html'),
      '<main id="main">\n<a href="/search/#results">Search</a>\n<a href="#main">Up</a> <a href="/papers/nothing/">x</a>\n</main>',
    );
    const run = checkLinks(copy);
    expect(run.status).toBe(1);
    const lines = run.stderr.trim().split('\n');
    expect(lines).toContain(`${join(copy, 'extra.html')}:2: /search/#results: no element with id \`results\` in search/index.html`);
    expect(lines).toContain(`${join(copy, 'extra.html')}:3: /papers/nothing/: no such file: papers/nothing/index.html`);
    expect(lines).toContain(`${join(copy, 'index.html')}:1: /days/: no such file: days/index.html`);
    expect(lines.some((line) => line.includes('/days/2025-03-19/: no such file'))).toBe(true);
    expect(run.stdout).toMatch(/links, [1-9][\d,]* broken/);
  });

  it('refuses a bad base, site or folder before reading anything', () => {
    expect(checkLinks(atRoot, ['--base', 'papershelf'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--base: `papershelf` must start and end with `/`'),
    });
    expect(checkLinks(atRoot, ['--site', 'example.org'])).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--site: `example.org` is not an absolute URL'),
    });
    expect(checkLinks(join(work, 'missing'))).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('does not exist; build the archive first'),
    });
    expect(runCli(['check-links'], root, clean)).toMatchObject({ status: 2 });
  });

  it('refuses to build for a bad base or site, leaving nothing behind', () => {
    const out = join(work, 'never');
    expect(runCli(['build', source, '--out', out, '--base', '/papershelf'], root, clean)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--base: `/papershelf` must start and end with `/`'),
    });
    expect(runCli(['build', source, '--out', out, '--site', 'https://example.org/papershelf/'], root, clean)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('the path as the base'),
    });
    expect(runCli(['build', source, '--out', out], root, { PAPERSHELF_BASE: 'x/' })).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('PAPERSHELF_BASE: `x/` must start and end'),
    });
    expect(existsSync(out)).toBe(false);
  });
});
