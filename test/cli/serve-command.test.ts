/** `papershelf serve`: serves a built archive on 127.0.0.1, and nothing outside it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask } from '../serve/http-request.ts';

const root = join(import.meta.dirname, '..', '..');
const site = mkdtempSync(join(tmpdir(), 'papershelf-serve-'));
const outside = mkdtempSync(join(tmpdir(), 'papershelf-serve-outside-'));
/** 100 bytes, 0 to 99, so a range's bytes are their own offsets. */
const DATA = Buffer.from(Array.from({ length: 100 }, (_, i) => i));
const servers: ChildProcess[] = [];

/** Starts `papershelf serve site <args>` (with `node --import preload` first, if given); resolves with its origin, `http://127.0.0.1:port`. */
function startServe(args: readonly string[], preload?: string): Promise<{ child: ChildProcess; origin: string }> {
  const node = preload ? ['--import', preload] : [];
  const child = spawn(process.execPath, [...node, join(root, 'bin', 'papershelf.js'), 'serve', site, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  servers.push(child);
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`papershelf serve exited with ${code}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      const origin = /at (http:\/\/127\.0\.0\.1:\d+)\//.exec(chunk.toString('utf8'))?.[1];
      if (origin) resolve({ child, origin });
    });
  });
}

/** Whether the server still answers, and has not died (an unhandled error would end it). */
async function stillUp(child: ChildProcess, origin: string, home = '/'): Promise<boolean> {
  return child.exitCode === null && (await ask(origin, home)).status === 200;
}

beforeAll(() => {
  mkdirSync(join(site, 'papers', 'x'), { recursive: true });
  mkdirSync(join(site, 'days'));
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(site, 'papers', 'x', 'index.html'), '<h1>Paper</h1>');
  writeFileSync(join(site, 'days', 'index.html'), '<h1>Days</h1>');
  writeFileSync(join(site, '_astro', 'site.0a1b2c3d.css'), 'body{}');
  writeFileSync(join(site, 'data.bin'), DATA);
  writeFileSync(join(site, 'vanishing.html'), '<h1>Vanishing</h1>');
  writeFileSync(join(site, 'swapped.html'), '<h1>Swapped</h1>');
  writeFileSync(join(tmpdir(), 'papershelf-secret.txt'), 'secret');
  writeFileSync(join(outside, 'index.html'), 'secret folder');
  // Symlinks: out of the archive (never followed), and inside it (followed, as hosts do).
  symlinkSync(join(tmpdir(), 'papershelf-secret.txt'), join(site, 'leak.txt'));
  symlinkSync(outside, join(site, 'elsewhere'));
  symlinkSync('../index.html', join(site, 'papers', 'home.html'));
  symlinkSync('papers/x', join(site, 'latest'));
});

afterAll(() => {
  for (const child of servers) child.kill();
  rmSync(site, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
  rmSync(join(tmpdir(), 'papershelf-secret.txt'), { force: true });
});

describe('papershelf serve', () => {
  let child: ChildProcess;
  let origin: string;
  const get = (path: string, headers: Record<string, string> = {}) => ask(origin, path, { headers });

  beforeAll(async () => {
    ({ child, origin } = await startServe([]));
  });

  it('serves folders by their index.html, with HTML content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>Home</h1>', headers: { 'content-type': 'text/html; charset=utf-8' } });
    expect(await get('/papers/x/')).toMatchObject({ status: 200, body: '<h1>Paper</h1>' });
  });

  it('compresses text for browsers that accept gzip, as static hosts do, and only for them', async () => {
    const compressed = await get('/papers/x/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(compressed).toMatchObject({ status: 200, body: '<h1>Paper</h1>', headers: { 'content-encoding': 'gzip' } });
    expect(compressed.raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    const plain = await get('/papers/x/');
    expect(plain).toMatchObject({ body: '<h1>Paper</h1>', headers: { 'content-length': '14' } });
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('answers a repeated request for an unchanged file with 304, and lets browsers keep hashed assets', async () => {
    const first = await get('/papers/x/');
    const etag = String(first.headers['etag']);
    expect(etag).toMatch(/^W\/".+"$/);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(await get('/papers/x/', { 'if-none-match': etag })).toMatchObject({ status: 304, body: '' });
    expect(await get('/papers/x/', { 'if-none-match': 'W/"other"' })).toMatchObject({ status: 200, body: '<h1>Paper</h1>' });
    expect((await get('/_astro/site.0a1b2c3d.css')).headers['cache-control']).toBe('public, max-age=31536000, immutable');
  });

  it("answers unknown paths with the archive's 404 page", async () => {
    expect(await get('/papers/missing/')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
    expect(await get('/index.html/')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
  });

  it('never reads outside the archive', async () => {
    for (const path of [
      '/../papershelf-secret.txt',
      '/%2e%2e/papershelf-secret.txt',
      '/..%2fpapershelf-secret.txt',
      '/..%5cpapershelf-secret.txt',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('secret');
    }
  });

  it('never follows a symlink out of the archive, and follows one that stays inside', async () => {
    for (const path of ['/leak.txt', '/elsewhere/', '/elsewhere/index.html']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('secret');
    }
    expect(await get('/papers/home.html')).toMatchObject({ status: 200, body: '<h1>Home</h1>' });
    expect(await get('/latest/')).toMatchObject({ status: 200, body: '<h1>Paper</h1>' });
    expect(await stillUp(child, origin)).toBe(true);
  });

  it('redirects a folder asked for without its trailing slash, keeping the query', async () => {
    expect(await get('/days')).toMatchObject({ status: 301, headers: { location: '/days/' } });
    expect(await get('/days?next=//evil.example')).toMatchObject({ status: 301, headers: { location: '/days/?next=//evil.example' } });
  });

  it('never redirects to another host: paths with `//` or a hidden separator are not found', async () => {
    // `//evil.example/..%2fdays` was redirected to `//evil.example/..%2fdays/`, on evil.example.
    for (const path of [
      '//evil.example/..%2fdays',
      '//evil.example/..%2Fdays',
      '//evil.example/days',
      '/%2fevil.example/days',
      '/%5Cevil.example/days',
      '/\\evil.example/days',
      '/papers%2Fx/',
      '/./days',
      '/days//',
    ]) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.headers['location'], path).toBeUndefined();
    }
    expect(await stillUp(child, origin)).toBe(true);
  });

  it('answers every method but GET and HEAD with 405, saying which are allowed', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const response = await ask(origin, '/', { method, headers: { 'content-type': 'text/plain' }, body: 'x=1' });
      expect(response, method).toMatchObject({ status: 405, headers: { allow: 'GET, HEAD' } });
      expect(response.body, method).toContain('only reads the archive');
    }
    expect(await ask(origin, '/', { method: 'HEAD' })).toMatchObject({ status: 200, body: '', headers: { 'content-length': '13' } });
    expect(await stillUp(child, origin)).toBe(true);
  });

  it('serves byte ranges: from–to, from, the last n bytes', async () => {
    const cases = [
      ['bytes=0-9', 0, 9],
      ['bytes=90-', 90, 99],
      ['bytes=-5', 95, 99],
      ['bytes=95-1000', 95, 99],
      ['bytes=-1000', 0, 99],
    ] as const;
    for (const [range, start, end] of cases) {
      const response = await get('/data.bin', { range });
      expect(response, range).toMatchObject({
        status: 206,
        headers: { 'content-range': `bytes ${start}-${end}/100`, 'accept-ranges': 'bytes', 'content-length': String(end - start + 1) },
      });
      expect(response.raw, range).toEqual(DATA.subarray(start, end + 1));
    }
    expect((await get('/data.bin')).headers['accept-ranges']).toBe('bytes');
  });

  it('answers a range past the end with 416, and several ranges with the whole file', async () => {
    for (const range of ['bytes=100-', 'bytes=-0', 'bytes=1000-2000']) {
      expect(await get('/data.bin', { range }), range).toMatchObject({
        status: 416,
        headers: { 'content-range': 'bytes */100' },
        body: '',
      });
    }
    const several = await get('/data.bin', { range: 'bytes=0-1,4-5' });
    expect(several.status).toBe(200);
    expect(several.raw).toEqual(DATA);
    expect(await stillUp(child, origin)).toBe(true);
  });

  it('sends ranges uncompressed, and the whole file when If-Range names another version', async () => {
    const part = await get('/papers/x/', { range: 'bytes=0-3', 'accept-encoding': 'gzip' });
    expect(part).toMatchObject({ status: 206, body: '<h1>', headers: { 'content-range': 'bytes 0-3/14' } });
    expect(part.headers['content-encoding']).toBeUndefined();
    const etag = String((await get('/data.bin')).headers['etag']);
    expect(await get('/data.bin', { range: 'bytes=0-9', 'if-range': etag })).toMatchObject({ status: 206 });
    const stale = await get('/data.bin', { range: 'bytes=0-9', 'if-range': 'W/"an-older-version"' });
    expect(stale.status).toBe(200);
    expect(stale.raw).toEqual(DATA);
  });

  it('answers HEAD with the headers GET would have, and no body', async () => {
    expect(await ask(origin, '/data.bin', { method: 'HEAD', headers: { range: 'bytes=10-19' } })).toMatchObject({
      status: 206,
      body: '',
      headers: { 'content-range': 'bytes 10-19/100', 'content-length': '10', 'accept-ranges': 'bytes' },
    });
    expect(await ask(origin, '/data.bin', { method: 'HEAD' })).toMatchObject({
      status: 200,
      body: '',
      headers: { 'content-length': '100' },
    });
  });
});

describe('papershelf serve during a rebuild', () => {
  let child: ChildProcess;
  let origin: string;

  beforeAll(async () => {
    // The preload removes these two files just as the server opens them; see rebuild-race.ts.
    ({ child, origin } = await startServe([], join(import.meta.dirname, '..', 'serve', 'rebuild-race.ts')));
  });

  it('answers a file that vanished between its look-up and its read with the 404 page, and stays up', async () => {
    expect(await ask(origin, '/vanishing.html')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
    expect(await stillUp(child, origin)).toBe(true);
  });

  it('looks a file up again when it was away for a moment, as in the swap of a rebuild', async () => {
    expect(await ask(origin, '/swapped.html')).toMatchObject({ status: 200, body: '<h1>Swapped</h1>' });
    expect(await stillUp(child, origin)).toBe(true);
  });
});

describe('papershelf serve --base', () => {
  let origin: string;
  const getUnderBase = async (path: string) => {
    const { status, headers } = await ask(origin, path);
    return { status, location: headers['location'] };
  };

  beforeAll(async () => {
    ({ origin } = await startServe(['--base', '/papershelf/']));
  });

  it('serves the archive under its base path, as GitHub Pages serves a project site', async () => {
    expect(await getUnderBase('/papershelf/')).toMatchObject({ status: 200 });
    expect(await getUnderBase('/papershelf/papers/x/')).toMatchObject({ status: 200 });
    expect(await getUnderBase('/papershelf/papers/x')).toEqual({ status: 301, location: '/papershelf/papers/x/' });
    expect(await getUnderBase('/papershelf/papers/x?q=a')).toEqual({ status: 301, location: '/papershelf/papers/x/?q=a' });
    expect(await getUnderBase('/papershelf')).toEqual({ status: 301, location: '/papershelf/' });
    expect(await getUnderBase('/papershelf?q=a')).toEqual({ status: 301, location: '/papershelf/?q=a' });
  });

  it('finds nothing outside the base path', async () => {
    for (const path of [
      '/',
      '/papers/x/',
      '/papershelfx/',
      '/papershelf/../papers/x/',
      '/papershelf//evil.example/days',
      '//papershelf/days',
      '/papershelf/..%2fpapershelf/days',
    ]) {
      expect(await getUnderBase(path), path).toEqual({ status: 404, location: undefined });
    }
  });

  it('refuses a base path that does not start and end with a slash', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'serve', site, '--base', 'papershelf'], {
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--base: `papershelf` must start and end with `/`');
  });
});
