/** `papershelf serve`: serves a built archive on 127.0.0.1, and nothing outside it. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const site = mkdtempSync(join(tmpdir(), 'papershelf-serve-'));
let child: ChildProcess;
let base: string;

/** A GET with the path sent exactly as given (fetch would normalise `..` away). */
function get(
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; type: string; raw: Buffer; encoding: string | undefined; etag: string | undefined; cache: string | undefined }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = request({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const raw = Buffer.concat(chunks);
        const encoding = response.headers['content-encoding'];
        const body = (encoding === 'gzip' ? gunzipSync(raw) : raw).toString('utf8');
        const { etag, 'cache-control': cache } = response.headers;
        resolve({ status: response.statusCode ?? 0, body, type: String(response.headers['content-type']), raw, encoding, etag, cache });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  mkdirSync(join(site, 'papers', 'x'), { recursive: true });
  writeFileSync(join(site, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(site, 'papers', 'x', 'index.html'), '<h1>Paper</h1>');
  mkdirSync(join(site, '_astro'));
  writeFileSync(join(site, '_astro', 'site.0a1b2c3d.css'), 'body{}');
  writeFileSync(join(tmpdir(), 'papershelf-secret.txt'), 'secret');
  child = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'serve', site, '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  base = await new Promise<string>((resolve) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      const url = /at (http:\/\/127\.0\.0\.1:\d+\/)/.exec(chunk.toString('utf8'))?.[1];
      if (url) resolve(url);
    });
  });
});

afterAll(() => {
  child.kill();
  rmSync(site, { recursive: true, force: true });
});

describe('papershelf serve', () => {
  it('serves folders by their index.html, with HTML content types', async () => {
    expect(await get('/')).toMatchObject({ status: 200, body: '<h1>Home</h1>', type: 'text/html; charset=utf-8' });
    expect(await get('/papers/x/')).toMatchObject({ status: 200, body: '<h1>Paper</h1>' });
  });

  it('compresses text for browsers that accept gzip, as static hosts do, and only for them', async () => {
    const compressed = await get('/papers/x/', { 'accept-encoding': 'gzip, deflate, br' });
    expect(compressed).toMatchObject({ status: 200, encoding: 'gzip', body: '<h1>Paper</h1>' });
    expect(compressed.raw.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    expect(await get('/papers/x/')).toMatchObject({ encoding: undefined, body: '<h1>Paper</h1>' });
  });

  it('answers a repeated request for an unchanged file with 304, and lets browsers keep hashed assets', async () => {
    const first = await get('/papers/x/');
    expect(first.etag).toMatch(/^W\/".+"$/);
    expect(first.cache).toBe('no-cache');
    expect(await get('/papers/x/', { 'if-none-match': first.etag! })).toMatchObject({ status: 304, body: '' });
    expect(await get('/papers/x/', { 'if-none-match': 'W/"other"' })).toMatchObject({ status: 200, body: '<h1>Paper</h1>' });
    expect((await get('/_astro/site.0a1b2c3d.css')).cache).toBe('public, max-age=31536000, immutable');
  });

  it("answers unknown paths with the archive's 404 page", async () => {
    expect(await get('/papers/missing/')).toMatchObject({ status: 404, body: '<h1>Page not found</h1>' });
  });

  it('never reads outside the archive', async () => {
    for (const path of ['/../papershelf-secret.txt', '/%2e%2e/papershelf-secret.txt', '/..%2fpapershelf-secret.txt']) {
      const response = await get(path);
      expect(response.status, path).toBe(404);
      expect(response.body).not.toContain('secret');
    }
  });
});

describe('papershelf serve --base', () => {
  let underBase: ChildProcess;
  let origin: string;

  /** A GET on the server started with `--base /papershelf/`, without following redirects. */
  const getUnderBase = (path: string) =>
    new Promise<{ status: number; location: string | undefined }>((resolve, reject) => {
      const url = new URL(origin);
      const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (response) => {
        response.resume();
        resolve({ status: response.statusCode ?? 0, location: response.headers.location });
      });
      req.on('error', reject);
      req.end();
    });

  beforeAll(async () => {
    underBase = spawn(process.execPath, [join(root, 'bin', 'papershelf.js'), 'serve', site, '--port', '0', '--base', '/papershelf/'], { stdio: ['ignore', 'pipe', 'inherit'] });
    origin = await new Promise<string>((resolve) => {
      underBase.stdout!.on('data', (chunk: Buffer) => {
        const url = /at (http:\/\/127\.0\.0\.1:\d+)\/papershelf\//.exec(chunk.toString('utf8'))?.[1];
        if (url) resolve(url);
      });
    });
  });

  afterAll(() => {
    underBase.kill();
  });

  it('serves the archive under its base path, as GitHub Pages serves a project site', async () => {
    expect(await getUnderBase('/papershelf/')).toMatchObject({ status: 200 });
    expect(await getUnderBase('/papershelf/papers/x/')).toMatchObject({ status: 200 });
    expect(await getUnderBase('/papershelf/papers/x')).toEqual({ status: 301, location: '/papershelf/papers/x/' });
    expect(await getUnderBase('/papershelf')).toEqual({ status: 301, location: '/papershelf/' });
    expect(await getUnderBase('/papershelf?q=a')).toEqual({ status: 301, location: '/papershelf/?q=a' });
  });

  it('finds nothing outside the base path', async () => {
    for (const path of ['/', '/papers/x/', '/papershelfx/', '/papershelf/../papers/x/']) expect((await getUnderBase(path)).status, path).toBe(404);
  });

  it('refuses a base path that does not start and end with a slash', () => {
    const run = spawnSync(process.execPath, [join(root, 'bin', 'papershelf.js'), 'serve', site, '--base', 'papershelf'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--base: `papershelf` must start and end with `/`');
  });
});
