/**
 * One build mode: `astro build` hands the build to Papershelf's own, so it makes the archive
 * `papershelf build` makes, byte for byte, under the same settings — and, like it, never
 * replaces a folder Papershelf did not make.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-astro-build-');
const content = join(work, 'content');
mkdirSync(join(content, 'sources'), { recursive: true });
cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
cpSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), join(content, 'sources', 'papers.jsonl'));
const env = { PAPERSHELF_CONTENT_DIR: content, PAPERSHELF_SITE: 'https://papers.example.org', PAPERSHELF_BASE: '/shelf/' };

/** Runs `astro build` in the project, as a user would, with `env` added. */
function astroBuild(...args: string[]) {
  const result = spawnSync(process.execPath, [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env, ASTRO_TELEMETRY_DISABLED: '1' },
  });
  // Astro colours its log where the environment asks for colour (CI does): the text is what counts.
  return { status: result.status, output: stripVTControlCharacters(`${result.stdout}${result.stderr}`) };
}

describe('astro build', () => {
  it('makes the archive papershelf build makes, byte for byte', () => {
    const fromCli = join(work, 'cli');
    const cli = runCli(['build', '--out', fromCli], root, env);
    expect(cli.stderr).toBe('');
    expect(cli.status).toBe(0);

    const fromAstro = join(work, 'astro');
    const astro = astroBuild('--outDir', fromAstro);
    expect(astro.output).toMatch(/\[papershelf\] Built .*: \d+ pages/);
    expect(astro.status).toBe(0);
    expect(fingerprint(fromAstro)).toBe(fingerprint(fromCli));
    // The settings reached every file: the base in links, the site in feeds and the marker.
    expect(readFileSync(join(fromAstro, 'index.html'), 'utf8')).toContain('href="/shelf/days/"');
    expect(readFileSync(join(fromAstro, 'sitemap-1.xml'), 'utf8')).toContain('<loc>https://papers.example.org/shelf/papers/');
    expect(JSON.parse(readFileSync(join(fromAstro, '.papershelf-archive.json'), 'utf8'))).toMatchObject({
      site: 'https://papers.example.org',
      base: '/shelf/',
    });
    // The project's generated types still know its collection, as after `astro sync`.
    expect(readFileSync(join(root, '.astro', 'content.d.ts'), 'utf8')).toContain('"notes"');
  });

  it('refuses an output folder Papershelf did not make, and leaves it as it was', () => {
    const theirs = join(work, 'theirs');
    mkdirSync(theirs);
    writeFileSync(join(theirs, 'notes.txt'), 'mine');
    const before = fingerprint(theirs);
    const astro = astroBuild('--outDir', theirs);
    expect(astro.status).not.toBe(0);
    expect(astro.output).toContain('theirs');
    expect(fingerprint(theirs)).toBe(before);
    expect(readFileSync(join(root, '.astro', 'content.d.ts'), 'utf8')).toContain('"notes"');
  });
});
