/**
 * `papershelf init`: a new archive in a new or empty folder, with everything a person needs
 * to keep it current, and never a file written over.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { archiveFiles, packageName } from '../../src/init/archive-files.ts';
import { runCli } from '../cli/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const version = (JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string }).version;

/** Every file under `dir`, relative, sorted. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();

describe('papershelf init', () => {
  it('writes a whole archive into a new folder, and says what to run next', () => {
    const dir = join(tempDir('papershelf-init-'), 'my-shelf');
    const run = runCli(['init', dir, '--title', 'Our reading group']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('npx papershelf fetch hf');
    expect(filesUnder(dir)).toEqual([
      '.github/workflows/papershelf.yml',
      '.gitignore',
      'README.md',
      'content/sources/.gitkeep',
      'content/taxonomies.yaml',
      'package.json',
      'papershelf.config.mjs',
    ]);
    const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    expect(manifest.name).toBe('my-shelf');
    expect(manifest.dependencies).toEqual({ papershelf: `^${version}` });
    expect(manifest.scripts.build).toBe('papershelf build --out dist');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(/^# Our reading group\n/);
    expect(readFileSync(join(dir, 'content', 'taxonomies.yaml'), 'utf8')).toBe(
      readFileSync(join(import.meta.dirname, '..', '..', 'content', 'taxonomies.yaml'), 'utf8'),
    );
    expect(readFileSync(join(dir, '.gitignore'), 'utf8')).toMatch(/^node_modules\/$/m);
  });

  it('writes a scheduled workflow that fetches, commits, builds with its caches, checks links and deploys', () => {
    const dir = join(tempDir('papershelf-init-'), 'shelf');
    expect(runCli(['init', dir]).status).toBe(0);
    const workflow = parse(readFileSync(join(dir, '.github', 'workflows', 'papershelf.yml'), 'utf8'));
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    const steps: { uses?: string; run?: string; with?: { path?: string } }[] = workflow.jobs.build.steps;
    const at = (match: (step: (typeof steps)[number]) => boolean) => steps.findIndex(match);
    const fetch = at((step) => /papershelf fetch hf/.test(step.run ?? ''));
    const commit = at((step) => /git commit/.test(step.run ?? ''));
    const cache = at((step) => step.uses?.startsWith('actions/cache@') ?? false);
    const build = at((step) => /papershelf build --out dist/.test(step.run ?? ''));
    const links = at((step) => /papershelf check-links dist/.test(step.run ?? ''));
    const upload = at((step) => step.uses?.startsWith('actions/upload-pages-artifact@') ?? false);
    expect([fetch, commit, cache, build, links, upload].every((index) => index >= 0)).toBe(true);
    expect(fetch < commit && commit < build && cache < build && build < links && links < upload).toBe(true);
    expect(steps[cache]!.with!.path).toContain('node_modules/.cache/papershelf');
    expect(workflow.jobs.deploy.steps[0].uses).toMatch(/^actions\/deploy-pages@/);
    expect(workflow.permissions).toMatchObject({ contents: 'write', pages: 'write', 'id-token': 'write' });
  });

  it('keeps any title a plain string in the config file', async () => {
    const title = 'A "quoted" title</script>\u2028${x}`';
    const dir = join(tempDir('papershelf-init-'), 'odd');
    expect(runCli(['init', dir, '--title', title]).status).toBe(0);
    // The config imports `papershelf/config`, which an installed archive has; here its text is read as a module without it.
    const text = readFileSync(join(dir, 'papershelf.config.mjs'), 'utf8').replace(
      /^import .*$/m,
      'const defineConfig = (config) => config;',
    );
    const module = join(dir, 'read-config.mjs');
    writeFileSync(module, text);
    const config = (await import(pathToFileURL(module).href)).default;
    expect(config.title).toBe(title);
  });

  it('starts an archive in an empty folder or an empty git repository, keeping the folder', () => {
    const dir = tempDir('papershelf-init-');
    mkdirSync(join(dir, '.git'));
    writeFileSync(join(dir, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect(runCli(['init', dir]).status).toBe(0);
    expect(readFileSync(join(dir, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(filesUnder(dir)).toContain('papershelf.config.mjs');
    expect(readdirSync(join(dir, '..')).filter((name) => name.includes('papershelf-init-') && name.startsWith('.'))).toEqual([]);
  });

  it('refuses a folder that holds files, and changes nothing in it', () => {
    const dir = tempDir('papershelf-init-');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const run = runCli(['init', dir]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/^papershelf: init: `.+` already holds notes\.txt; .*name another one\n$/);
    expect(filesUnder(dir)).toEqual(['notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
  });

  it('refuses a file, a missing folder name and a title of several lines', () => {
    const dir = tempDir('papershelf-init-');
    writeFileSync(join(dir, 'file'), 'mine');
    expect(runCli(['init', join(dir, 'file')]).stderr).toMatch(/is a file, not a folder/);
    expect(runCli(['init']).stderr).toMatch(/init: name the folder for the new archive/);
    const lines = runCli(['init', join(dir, 'new'), '--title', 'one\ntwo']);
    expect(lines.status).toBe(2);
    expect(lines.stderr).toMatch(/--title must be one line/);
    expect(readdirSync(dir)).toEqual(['file']);
  });
});

describe('archive files', () => {
  it('names the package after its folder, as npm accepts', () => {
    expect(packageName('My Shelf!')).toBe('my-shelf');
    expect(packageName('.hidden')).toBe('hidden');
    expect(packageName('日本')).toBe('papershelf-archive');
  });

  it('fills every template, and leaves no placeholder', () => {
    const templates = { config: 'title: %TITLE%', readme: '# %TITLE_TEXT%', gitignore: '', workflow: '', taxonomies: '' };
    const files = archiveFiles({ title: 'T $& $1', folder: 'f', version: '1.2.3', templates });
    expect(files.find((file) => file.path === 'papershelf.config.mjs')!.text).toBe('title: "T $& $1"');
    expect(files.find((file) => file.path === 'README.md')!.text).toBe('# T $& $1');
    expect(files.some((file) => file.text.includes('%'))).toBe(false);
  });
});
