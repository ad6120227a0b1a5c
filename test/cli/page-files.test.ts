/**
 * Feeds, citation files and sitemaps are written by `papershelf build` itself, not by Astro
 * (src/site/pages/page-files.ts); their Astro routes serve `astro dev` and a plain `astro build`.
 * Both must give the same bytes.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listFiles } from '../../src/fs/list-files.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from './run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const DATA_FILE =
  /(^|\/)(feed\.xml|feed\.json|cite\.bib|cite\.json|cite\.ris|papers\.bib|papers\.ris)$|^papers\/[^/]+\.md$|^sitemap-\d+\.xml$/;

describe('pages that are files of data', () => {
  it('are the same written by the build as answered by their Astro routes', async () => {
    const work = tempDir('papershelf-page-files-');
    const built = runCli(['build', '--out', join(work, 'built')]);
    expect(built.status, built.stderr).toBe(0);
    const astro = spawnSync(
      process.execPath,
      [join(root, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build', '--outDir', join(work, 'astro')],
      {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1' },
      },
    );
    expect(astro.status, astro.stderr).toBe(0);

    const files = (await listFiles(join(work, 'built'))).filter((file) => DATA_FILE.test(file));
    // The seed archive: every paper's citation files and Markdown copy, and feeds, .bib and .ris files of days and terms.
    expect(files.filter((file) => file.endsWith('/cite.bib')).length).toBe(30);
    expect(files.filter((file) => file.endsWith('/cite.ris')).length).toBe(30);
    expect(files.filter((file) => file.endsWith('.md')).length).toBe(30);
    expect(files.filter((file) => file.endsWith('/feed.xml')).length).toBeGreaterThan(10);
    expect((await listFiles(join(work, 'astro'))).filter((file) => DATA_FILE.test(file))).toEqual(files);
    for (const file of files)
      expect(readFileSync(join(work, 'astro', file), 'utf8'), file).toBe(readFileSync(join(work, 'built', file), 'utf8'));
  });
});
