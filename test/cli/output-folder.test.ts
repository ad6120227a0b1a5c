/**
 * What `build --out` may touch: only a folder that is missing, empty, or an archive an
 * earlier build marked. Everything else is refused before any work, with one line naming the
 * folder and what to do, and is left exactly as it was — each case below once lost files.
 */
import { mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync, existsSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli, type CliRun } from './run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-out-');
const data = join(work, 'data');
const source = join(data, 'papers.jsonl');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 3);

beforeAll(() => {
  mkdirSync(data);
  writeFileSync(source, `${lines.join('\n')}\n`);
});

/** Expects `run` to be refused as a mistake in the command, in one line that says `what`. */
function expectRefused(run: CliRun, what: RegExp): void {
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^papershelf: --out: /);
  expect(run.stderr).toMatch(what);
}

/** Names in `dir` that a build would have left beside its output (locks, scratch folders). */
const leftovers = (dir: string) => readdirSync(dir).filter((name) => name.includes('papershelf'));

describe('build --out refuses what Papershelf did not make', () => {
  it('a folder holding other files, dotfiles included, is left exactly as it was', () => {
    const thesis = join(work, 'thesis');
    mkdirSync(join(thesis, '.git'), { recursive: true });
    writeFileSync(join(thesis, 'chapter1.tex'), 'years of work');
    writeFileSync(join(thesis, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    const before = fingerprint(thesis);
    expectRefused(
      runCli(['build', source, '--out', thesis]),
      /`\S*thesis` holds files Papershelf did not make \(`\.git`, `chapter1\.tex`\); .*new or empty folder/,
    );
    expect(fingerprint(thesis)).toBe(before);
    expect(leftovers(work)).toEqual([]);
  });

  it('the working folder, a folder above it, the home folder and the root', () => {
    const cwd = join(work, 'here');
    mkdirSync(cwd);
    writeFileSync(join(cwd, '.profile'), 'mine');
    const before = fingerprint(work);
    expectRefused(runCli(['build', source, '--out', '.'], cwd), /`\.` is the folder you are working in; name a new folder/);
    expectRefused(runCli(['build', source, '--out', '..'], cwd), /`\.\.` holds the folder you are working in/);
    expectRefused(runCli(['build', source, '--out', cwd], root, { HOME: cwd }), /is your home folder/);
    expectRefused(runCli(['build', source, '--out', '/']), /is the root of the file system/);
    expect(fingerprint(work)).toBe(before);
  });

  it('the project, its content folder and the folders of its own', () => {
    const content = fingerprint(join(root, 'content'));
    expectRefused(runCli(['build', source, '--out', root], work), /holds this Papershelf project/);
    expectRefused(runCli(['build', source, '--out', 'content']), /`content` is the content folder/);
    expectRefused(runCli(['build', source, '--out', 'content/papers']), /is inside the content folder/);
    expectRefused(runCli(['build', source, '--out', 'src/archive']), /is inside the project's src\/ folder/);
    expect(fingerprint(join(root, 'content'))).toBe(content);
    expect(existsSync(join(root, 'src', 'archive'))).toBe(false);
  });

  it('a folder holding a source of the build, and a regular file', () => {
    const before = fingerprint(work);
    expectRefused(runCli(['build', source, '--out', data]), /holds the source `\S*papers\.jsonl`; the archive replaces its folder whole/);
    expectRefused(runCli(['build', source, '--out', work]), /holds the source/);
    expectRefused(runCli(['build', source, '--out', source]), /is a file, not a folder; Papershelf never replaces it/);
    expect(fingerprint(work)).toBe(before);
  });

  it('an archive it built, once files it did not make sit beside it', () => {
    const site = join(work, 'site');
    expect(runCli(['build', source, '--out', site]).status).toBe(0);
    const marker = JSON.parse(readFileSync(join(site, '.papershelf-archive.json'), 'utf8'));
    expect(marker).toMatchObject({ papershelf: 'archive', site: 'http://localhost:4321', base: '/' });
    expect(marker.entries).toEqual(
      readdirSync(site)
        .filter((name) => name !== '.papershelf-archive.json')
        .sort(),
    );
    writeFileSync(join(site, 'CNAME'), 'papers.example.org\n');
    const before = fingerprint(site);
    expectRefused(
      runCli(['build', source, '--out', site]),
      /holds files Papershelf did not make \(`CNAME`\) beside the archive it built; .*move them out/,
    );
    expect(fingerprint(site)).toBe(before);
    expect(leftovers(work)).toEqual([]);
  });

  it('an archive an earlier version built, once a folder the build now makes is the owner’s own', () => {
    const site = join(work, 'earlier-version');
    expect(runCli(['build', source, '--out', site]).status).toBe(0);
    // The build replaces `search-authors/` whole; an archive from before author search has none,
    // and a folder of that name put there since is the owner's, not the build's.
    const markerFile = join(site, '.papershelf-archive.json');
    const marker = JSON.parse(readFileSync(markerFile, 'utf8'));
    writeFileSync(markerFile, JSON.stringify({ ...marker, entries: marker.entries.filter((name: string) => name !== 'search-authors') }));
    rmSync(join(site, 'search-authors'), { recursive: true });
    mkdirSync(join(site, 'search-authors'));
    writeFileSync(join(site, 'search-authors', 'mine.txt'), 'not Papershelf’s\n');
    const before = fingerprint(site);
    expectRefused(runCli(['build', source, '--out', site]), /holds files Papershelf did not make \(`search-authors`\)/);
    expect(fingerprint(site)).toBe(before);
    expect(readFileSync(join(site, 'search-authors', 'mine.txt'), 'utf8')).toBe('not Papershelf’s\n');
  });
});

describe('build --out writes what it may', () => {
  it('an empty folder, a missing one, and its own archive again', () => {
    const empty = join(work, 'empty');
    mkdirSync(empty);
    const first = runCli(['build', source, '--out', empty]);
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(existsSync(join(empty, 'index.html'))).toBe(true);
    const nested = join(work, 'new', 'deeper', 'site');
    expect(runCli(['build', source, '--out', nested]).status).toBe(0);
    const again = runCli(['build', source, '--out', nested]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/\(0 rendered, \d+ unchanged\)/);
    expect(leftovers(join(work, 'new', 'deeper'))).toEqual([]);
  });

  it('through a symbolic link, into the folder it names, keeping the link', () => {
    const real = join(work, 'real-site');
    const link = join(work, 'linked-site');
    mkdirSync(real);
    symlinkSync(real, link);
    expect(runCli(['build', source, '--out', link]).status).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(existsSync(join(real, 'index.html'))).toBe(true);
  });
});

describe('build --zip', () => {
  it('replaces only a zip it wrote', () => {
    const zip = join(work, 'shelf.zip');
    writeFileSync(zip, 'not a zip of ours');
    const refused = runCli(['build', source, '--zip', zip]);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/^papershelf: --zip: `\S*shelf\.zip` is a file Papershelf did not make; it replaces only zips it wrote/);
    expect(readFileSync(zip, 'utf8')).toBe('not a zip of ours');

    const own = join(work, 'own.zip');
    expect(runCli(['build', source, '--zip', own]).status).toBe(0);
    const first = readFileSync(own);
    // Its first entry is the archive's marker, by which the next build knows it.
    expect(first.toString('utf8', 30, 30 + first.readUInt16LE(26))).toBe('own/.papershelf-archive.json');
    const again = runCli(['build', source, '--zip', own]);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(own).equals(first)).toBe(true);
  });
});

describe('--report', () => {
  it('writes a new file or its own report again, and refuses a source, a folder or another file', () => {
    const report = join(work, 'report.json');
    expect(runCli(['check', source, '--report', report]).status).toBe(0);
    expect(runCli(['check', source, '--report', report]).status).toBe(0);
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({ command: 'check' });
    const notes = join(work, 'notes.json');
    writeFileSync(notes, '{"mine": true}');
    for (const [target, why] of [
      [notes, /`\S*notes\.json` is a file Papershelf did not write; name a new file for the report/],
      [source, /is a source of this run/],
      [data, /is not a file/],
    ] as const) {
      const run = runCli(['check', source, '--report', target]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(why);
    }
    expect(readFileSync(notes, 'utf8')).toBe('{"mine": true}');
  });
});
