/**
 * Updates that are not "a new day of papers": only removals, nothing at all, papers that come
 * back, a source that is deleted or changes while it is read. Each leaves `content/` and
 * `--out` consistent: what a fresh run of the same sources gives.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync, cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-odd-');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 5);
const ids = lines.map((line) => JSON.parse(line).id as string);
const jsonl = (picked: readonly string[]) => (picked.length ? `${picked.join('\n')}\n` : '');
/** What `papers/` of a site holds for the papers `slugs`: each one's folder and its Markdown copy, sorted. */
const withMarkdown = (slugs: readonly string[]) => slugs.flatMap((slug) => [slug, `${slug}.md`]).sort();

/** Builds `text` as `name` into `out`; returns the run. */
function build(name: string, text: string, out: string) {
  const source = join(work, name);
  writeFileSync(source, text);
  return runCli(['build', source, '--out', out]);
}

/** The archive a fresh build of `text` gives, as a fingerprint. */
function fresh(name: string, text: string): string {
  const out = join(work, `fresh-${Math.random().toString(36).slice(2)}`);
  const run = build(name, text, out);
  expect(run.status, run.stderr).toBe(0);
  return fingerprint(out);
}

describe('build into the same --out', () => {
  const out = join(work, 'site');
  beforeAll(() => {
    expect(build('papers.jsonl', jsonl(lines), out).status).toBe(0);
  });

  it('takes an update whose only change is that papers left, again and again', () => {
    const fewer = jsonl(lines.slice(0, 3));
    for (let run = 0; run < 2; run += 1) {
      const update = build('papers.jsonl', fewer, out);
      expect(update.stderr).toBe('');
      expect(update.status).toBe(0);
    }
    expect(readdirSync(join(out, 'papers')).sort()).toEqual(withMarkdown(ids.slice(0, 3)));
    expect(fingerprint(out)).toBe(fresh('papers.jsonl', fewer));
  });

  it('takes an update that changes nothing, and one that brings removed papers back', () => {
    const same = build('papers.jsonl', jsonl(lines.slice(0, 3)), out);
    expect(same.status).toBe(0);
    expect(same.stdout).toMatch(/\(0 rendered, \d+ unchanged\)/);
    const back = build('papers.jsonl', jsonl(lines), out);
    expect(back.status).toBe(0);
    expect(readdirSync(join(out, 'papers')).sort()).toEqual(withMarkdown(ids));
    expect(fingerprint(out)).toBe(fresh('papers.jsonl', jsonl(lines)));
  });

  it('builds a source with no entries as an empty archive, and fills it again', () => {
    const empty = build('papers.jsonl', '', out);
    expect(empty.stderr).toBe('');
    expect(empty.status).toBe(0);
    expect(empty.stdout.trim().split('\n').at(-1)).toBe(
      `0 entries read, 0 added, 0 updated, 0 unchanged, ${ids.length} removed, 0 duplicates merged, 0 invalid`,
    );
    expect(existsSync(join(out, 'papers'))).toBe(false);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    expect(build('papers.jsonl', jsonl(lines), out).status).toBe(0);
    expect(fingerprint(out)).toBe(fresh('papers.jsonl', jsonl(lines)));
  });
});

describe('ingest into a project', () => {
  it('takes removal-only updates, and keeps content/ in step with its sources', () => {
    const content = join(work, 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    const env = { PAPERSHELF_CONTENT_DIR: content };
    const source = join(content, 'sources', 'papers.jsonl');
    writeFileSync(source, jsonl(lines));
    expect(runCli(['ingest'], root, env).status).toBe(0);
    writeFileSync(source, jsonl(lines.slice(1)));
    const removal = runCli(['ingest'], root, env);
    expect(removal.stderr).toBe('');
    expect(removal.status).toBe(0);
    expect(removal.stdout).toContain('1 removed');
    expect(
      readdirSync(join(content, 'papers'))
        .filter((name) => name.endsWith('.mdx'))
        .sort(),
    ).toEqual(
      ids
        .slice(1)
        .map((id) => `${id}.mdx`)
        .sort(),
    );
    expect(readdirSync(content).filter((name) => name.startsWith('.papers-') && name !== '.papers-index.json')).toEqual([]);
  });

  it('refuses a named source that is missing, whatever the flags, and changes nothing', () => {
    const content = join(work, 'content-missing');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    const before = fingerprint(content);
    for (const flags of [[], ['--skip-invalid']]) {
      const run = runCli(['ingest', join(work, 'gone.jsonl'), ...flags], root, { PAPERSHELF_CONTENT_DIR: content });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/^papershelf: ingest: `\S*gone\.jsonl`: no such file; check the path/);
      const build = runCli(['build', join(work, 'gone.jsonl'), '--out', join(work, 'never'), ...flags]);
      expect(build.status).toBe(2);
      expect(existsSync(join(work, 'never'))).toBe(false);
    }
    expect(fingerprint(content)).toBe(before);
  });

  it('stops when a named source changes or goes while it is read, and keeps nothing of it', () => {
    const content = join(work, 'content-moving');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    const before = fingerprint(content);
    // A preloaded hook truncates or deletes the source just after the ingest has read it, as
    // another program writing the file at that moment would.
    const moving = join(work, 'moving.jsonl');
    writeFileSync(moving, jsonl(lines));
    const hook = join(work, 'truncate-after-read.mjs');
    writeFileSync(
      hook,
      `import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
const target = ${JSON.stringify(moving)};
const { readFile } = fs.promises;
let done = false;
const after = (result) => { if (!done) { done = true; ${'process.env.MODE'} === 'delete' ? fs.rmSync(target) : fs.writeFileSync(target, '{"title": "Cut off'); } return result; };
fs.promises.readFile = async (path, ...rest) => { const result = await readFile(path, ...rest); return String(path) === target ? after(result) : result; };
const createReadStream = fs.createReadStream;
fs.createReadStream = (path, ...rest) => { const stream = createReadStream(path, ...rest); if (String(path) === target) stream.on('end', () => after()); return stream; };
syncBuiltinESMExports();
`,
    );
    for (const mode of ['truncate', 'delete']) {
      writeFileSync(moving, jsonl(lines));
      const run = runCli(['ingest', moving], root, { PAPERSHELF_CONTENT_DIR: content, NODE_OPTIONS: `--import ${hook}`, MODE: mode });
      expect(run.status, run.stderr).toBe(1);
      expect(run.stderr).toMatch(
        mode === 'delete'
          ? /moving\.jsonl: the source went away while it was read; nothing was changed/
          : /moving\.jsonl: the source changed while it was read; nothing was changed/,
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    }
    // Nothing of the run was kept: no papers, no copy of the source.
    expect(existsSync(join(content, 'sources', 'moving.jsonl'))).toBe(false);
    expect(existsSync(join(content, 'papers'))).toBe(false);
    expect(fingerprint(content)).toBe(before);
  });
});
