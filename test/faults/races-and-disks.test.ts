/**
 * Builds that meet each other or an unfriendly disk: two at once into one folder, a lock a
 * killed build left, a side build beside the project's own, an output on another file system,
 * a full one, a read-only one. Each ends in a whole archive or in one clear line with nothing
 * changed and nothing left behind. The file-system cases mount small tmpfs folders, where the
 * machine allows it (as root on Linux); elsewhere they say why they are skipped.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { holdLock } from '../../src/fs/hold-lock.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';
import { runCli, type CliRun } from '../cli/run-cli.ts';

const root = join(import.meta.dirname, '..', '..');
const work = tempDir('papershelf-race-');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n');
const first = join(work, 'first.jsonl');
const second = join(work, 'second.jsonl');
writeFileSync(first, `${lines.slice(0, 4).join('\n')}\n`);
writeFileSync(second, `${lines.slice(4, 9).join('\n')}\n`);

/** `papershelf build …` in a child process, not waited for. */
function buildInBackground(args: readonly string[], env: Record<string, string> = {}): Promise<CliRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'build', ...args], {
      cwd: root,
      env: { ...process.env, CI: '1', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

describe('one build at a time per archive', () => {
  it('a build into a folder another build holds stops with one line and changes nothing', () => {
    const out = join(work, 'held');
    expect(runCli(['build', first, '--out', out]).status).toBe(0);
    const before = fingerprint(out);
    const lock = holdLock(join(work, '.held.papershelf-lock'), out, `building ${out}`);
    try {
      const run = runCli(['build', second, '--out', out]);
      expect(run.status).toBe(1);
      expect(run.stderr).toMatch(
        new RegExp(
          `^papershelf: \\S*held is in use: papershelf \\(pid ${process.pid}, since [^)]+\\) is building \\S*held\\. This run changed nothing; run it again once that one has finished`,
        ),
      );
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(fingerprint(out)).toBe(before);
    } finally {
      lock.release();
    }
    expect(runCli(['build', second, '--out', out]).status).toBe(0);
  });

  it('two builds started together leave one whole archive, never a mix', async () => {
    const fresh = (source: string) => {
      const out = join(work, `fresh-${source === first ? 1 : 2}`);
      expect(runCli(['build', source, '--out', out]).status).toBe(0);
      return fingerprint(out);
    };
    const archives = [fresh(first), fresh(second)];
    const out = join(work, 'raced');
    const runs = await Promise.all([buildInBackground([first, '--out', out]), buildInBackground([second, '--out', out])]);
    const won = runs.filter((run) => run.status === 0);
    expect(won.length).toBeGreaterThan(0);
    for (const run of runs.filter((run) => run.status !== 0)) expect(run.stderr).toMatch(/raced is in use: papershelf \(pid \d+/);
    expect(archives).toContain(fingerprint(out));
    expect(readdirSync(work).filter((name) => name.startsWith('.raced'))).toEqual([]);
  });

  it('takes over the lock of a build that was killed', () => {
    const out = join(work, 'orphaned');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
    writeFileSync(
      join(work, '.orphaned.papershelf-lock'),
      JSON.stringify({ pid: Number(dead.stdout), host: hostname(), since: '2026-01-01T00:00:00.000Z', doing: 'building' }),
    );
    const run = runCli(['build', first, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(existsSync(join(work, '.orphaned.papershelf-lock'))).toBe(false);
  });
});

describe('a side build', () => {
  it("never touches the project's Astro state, and the project builds notes after it", () => {
    const content = join(work, 'project-content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    writeFileSync(join(content, 'sources', 'papers.jsonl'), `${lines.slice(0, 3).join('\n')}\n`);
    const env = { PAPERSHELF_CONTENT_DIR: content };
    expect(runCli(['ingest'], root, env).status).toBe(0);
    const id = JSON.parse(lines[0]!).id as string;
    const noted = join(content, 'papers', `${id}.mdx`);
    writeFileSync(noted, `${readFileSync(noted, 'utf8')}\nOur group read this on *Friday*.\n`);
    const out = join(work, 'project-site');
    expect(runCli(['build', '--out', out], root, env).status).toBe(0);

    const dotAstro = join(root, '.astro');
    const state = () => (existsSync(dotAstro) ? fingerprint(dotAstro) : 'none');
    const before = state();
    const side = runCli(['build', second, '--out', join(work, 'side')], join(work));
    expect(side.status, side.stderr).toBe(0);
    expect(state()).toBe(before);

    // A new paper gives the noted paper new neighbours: its page is rendered again.
    writeFileSync(join(content, 'sources', 'papers.jsonl'), `${lines.slice(0, 4).join('\n')}\n`);
    const again = runCli(['build', '--out', out], root, env);
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect(readFileSync(join(out, 'papers', id, 'index.html'), 'utf8')).toContain('Our group read this on <em>Friday</em>.');
    expect(state()).toBe(before);
  });
});

/** Mounts a tmpfs of `size` at a new folder; null when the machine does not allow it. */
const mounted: string[] = [];
function mountTmpfs(name: string, options: string): string | null {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { encoding: 'utf8' });
  if (mount.status !== 0) return null;
  mounted.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of mounted.reverse()) spawnSync('umount', ['-l', dir]);
});
const canMount = process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('mount', ['--version']).status === 0;

describe.skipIf(!canMount)('an output on another file system (needs root to mount a tmpfs)', () => {
  it('works, incrementally too, and gives the archive a build on this disk gives', () => {
    const disk = mountTmpfs('usb', 'size=64m');
    if (!disk) return expect.fail('mount -t tmpfs failed');
    const out = join(disk, 'shelf');
    const run = runCli(['build', first, '--out', out]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const local = join(work, 'local');
    expect(runCli(['build', first, '--out', local]).status).toBe(0);
    expect(fingerprint(out)).toBe(fingerprint(local));
    expect(runCli(['build', second, '--out', out]).status).toBe(0);
    expect(runCli(['build', second, '--out', local]).status).toBe(0);
    expect(fingerprint(out)).toBe(fingerprint(local));
    expect(readdirSync(disk)).toEqual(['shelf']);
  });

  it('a full disk stops the build with one line, the last archive kept whole and nothing left', () => {
    const disk = mountTmpfs('full', 'size=3m');
    if (!disk) return expect.fail('mount -t tmpfs failed');
    const out = join(disk, 'shelf');
    // A small archive fits; a bigger one does not.
    const small = join(work, 'small.jsonl');
    writeFileSync(small, `${lines[0]}\n`);
    const fits = runCli(['build', small, '--out', out]);
    expect(fits.status, fits.stderr).toBe(0);
    const before = fingerprint(out);
    const big = join(work, 'big.jsonl');
    writeFileSync(big, `${lines.join('\n')}\n`);
    const run = runCli(['build', big, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^papershelf: cannot \w+ \S+: ENOSPC: the disk is full; free some space and run again/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(fingerprint(out)).toBe(before);
    expect(readdirSync(disk)).toEqual(['shelf']);
  });

  it('a read-only folder stops the build with one line naming it', () => {
    const disk = mountTmpfs('read-only', 'size=1m,ro');
    if (!disk) return expect.fail('mount -t tmpfs failed');
    const run = runCli(['build', first, '--out', join(disk, 'shelf')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(
      /^papershelf: cannot \w+ \S*read-only\S*: EROFS: the file system is read-only; choose a folder on a writable disk\n$/,
    );
  });
});

/** Tools to make and mount an exFAT image, as on a USB stick (Debian: exfatprogs, exfat-fuse). */
const exfatTools =
  canMount &&
  ['mkfs.exfat', 'mount.exfat-fuse', 'losetup'].every((tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0) &&
  existsSync('/dev/fuse');

describe.skipIf(!exfatTools)('an output on an exFAT USB stick (needs root, exfatprogs and exfat-fuse)', () => {
  let device = '';
  let stick = '';
  afterAll(() => {
    if (stick) spawnSync('umount', [stick]);
    if (device) spawnSync('losetup', ['-d', device]);
  });

  it('works as on any disk: no hard links, no modes, a rename only within the stick', () => {
    const image = join(work, 'stick.img');
    writeFileSync(image, '');
    expect(spawnSync('truncate', ['-s', '128M', image]).status).toBe(0);
    expect(spawnSync('mkfs.exfat', [image]).status).toBe(0);
    device = spawnSync('losetup', ['-f', '--show', image], { encoding: 'utf8' }).stdout.trim();
    stick = join(work, 'stick');
    mkdirSync(stick);
    const mounted = spawnSync('mount.exfat-fuse', [device, stick], { encoding: 'utf8' });
    if (mounted.status !== 0) return expect.fail(`mount.exfat-fuse failed: ${mounted.stderr}`);
    const out = join(stick, 'shelf');
    const local = join(work, 'local-exfat');
    for (const source of [first, second]) {
      const run = runCli(['build', source, '--out', out]);
      expect(run.stderr).toBe('');
      expect(run.status).toBe(0);
      expect(runCli(['build', source, '--out', local]).status).toBe(0);
      expect(fingerprint(out)).toBe(fingerprint(local));
    }
    expect(runCli(['build', first, '--out', out, '--portable']).status).toBe(0);
    expect(readdirSync(stick)).toEqual(['shelf']);
  });
});
