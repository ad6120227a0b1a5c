/**
 * The archive handler when reading fails: the file system is the real one except for the reads
 * each test breaks, as a failing disk or a rebuild would. The server must answer that one
 * request as well as it can, close the file, and go on serving.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { nodeArchiveFs, type ArchiveFs } from '../../src/serve/archive-fs.ts';
import { archiveHandler } from '../../src/serve/handle-request.ts';
import { ask } from './http-request.ts';

const site = mkdtempSync(join(tmpdir(), 'papershelf-read-errors-'));
const PAGE = '<h1>A paper</h1>';
const servers: Server[] = [];

beforeAll(() => {
  writeFileSync(join(site, 'index.html'), '<h1>Home</h1>');
  writeFileSync(join(site, '404.html'), '<h1>Page not found</h1>');
  writeFileSync(join(site, 'page.html'), PAGE);
});

afterAll(() => {
  for (const server of servers) server.close().closeAllConnections();
  rmSync(site, { recursive: true, force: true });
});

/** An error as Node's file system makes them. */
const fsError = (code: string) => Object.assign(new Error(`${code}: something went wrong, read`), { code });

/** The real file system, except that reading `page.html` gives `stream()` instead of its bytes. */
function breakingReads(stream: () => Readable): ArchiveFs {
  return {
    ...nodeArchiveFs,
    async open(path) {
      const file = await nodeArchiveFs.open(path);
      if (basename(path) !== 'page.html') return file;
      return {
        ...file,
        read: () => {
          void file.close();
          return stream();
        },
      };
    },
  };
}

/** A stream that fails with `error` at its first read. */
const failing = (error: Error) =>
  new Readable({
    read() {
      this.destroy(error);
    },
  });

/** Serves the test archive through `fs` on a free port; `errors` collects what the handler reported. */
async function serving(fs: ArchiveFs): Promise<{ origin: string; errors: unknown[] }> {
  const errors: unknown[] = [];
  const server = createServer(archiveHandler({ root: site, base: '/', fs, onError: (error) => errors.push(error) }));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return { origin: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`, errors };
}

/** Whether the server still serves its home page. */
const stillUp = async (origin: string) => (await ask(origin, '/')).status === 200;

describe('a read that fails before the first byte', () => {
  it('is answered 500 with a short text, reported, and the server goes on', async () => {
    const { origin, errors } = await serving(breakingReads(() => failing(fsError('EIO'))));
    for (const encoding of ['identity', 'gzip']) {
      const answer = await ask(origin, '/page.html', { headers: { 'accept-encoding': encoding } });
      expect(answer, encoding).toMatchObject({ status: 500, complete: true, headers: { 'content-type': 'text/plain; charset=utf-8' } });
      expect(answer.body).toMatchInlineSnapshot(`
        "Could not read this file (EIO). Reload to try again; the terminal running papershelf serve says more.
        "
      `);
      // Nothing of the file's own headers is left on the error.
      expect(answer.headers['etag'], encoding).toBeUndefined();
      expect(answer.headers['content-encoding'], encoding).toBeUndefined();
    }
    expect(errors).toEqual([fsError('EIO'), fsError('EIO')]);
    expect(await stillUp(origin)).toBe(true);
  });

  it('is answered 404 when the file is not there any more, and not reported', async () => {
    const { origin, errors } = await serving(breakingReads(() => failing(fsError('ENOENT'))));
    expect(await ask(origin, '/page.html')).toMatchObject({ status: 404, body: 'Not found\n' });
    expect(errors).toEqual([]);
    expect(await stillUp(origin)).toBe(true);
  });
});

describe('a file that cannot be opened or looked up', () => {
  it('is answered 500, reported, and the server goes on', async () => {
    for (const broken of [
      { ...nodeArchiveFs, open: () => Promise.reject(fsError('EMFILE')) },
      { ...nodeArchiveFs, realpath: () => Promise.reject(fsError('EACCES')) },
    ] satisfies ArchiveFs[]) {
      const { origin, errors } = await serving(broken);
      expect(await ask(origin, '/page.html')).toMatchObject({ status: 500 });
      expect(errors).toHaveLength(1);
    }
  });
});

describe('a read that fails midway', () => {
  it('cuts the response, so the client sees it broken rather than short, and the server goes on', async () => {
    const source = new PassThrough();
    source.write(PAGE.slice(0, 6));
    const { origin, errors } = await serving(breakingReads(() => source));
    const answer = await new Promise<{ status: number; complete: boolean; body: string }>((resolve, reject) => {
      const { port } = new URL(origin);
      const sent = request({ host: '127.0.0.1', port, path: '/page.html', agent: false }, (response) => {
        let body = '';
        response.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
        response.on('error', () => {});
        response.on('close', () => resolve({ status: response.statusCode ?? 0, complete: response.complete, body }));
        // The headers are out, with the first bytes: now the disk fails.
        source.destroy(fsError('EIO'));
      });
      sent.on('error', reject);
      sent.end();
    });
    expect(answer.status).toBe(200);
    expect(answer.complete).toBe(false);
    expect(answer.body.length).toBeLessThan(PAGE.length);
    expect(errors).toEqual([fsError('EIO')]);
    expect(await stillUp(origin)).toBe(true);
  });

  it('cuts the response when the file turns out shorter than the Content-Length sent', async () => {
    const { origin } = await serving(breakingReads(() => Readable.from([Buffer.from(PAGE.slice(0, 4))])));
    expect(await ask(origin, '/page.html')).toMatchObject({ status: 200, complete: false, body: PAGE.slice(0, 4) });
    expect(await stillUp(origin)).toBe(true);
  });
});

describe('a client that goes away mid-transfer', () => {
  it('gets its file closed', async () => {
    const source = new PassThrough();
    source.write(PAGE.slice(0, 6));
    const { origin } = await serving(breakingReads(() => source));
    await new Promise<void>((resolve, reject) => {
      const { port } = new URL(origin);
      const sent = request({ host: '127.0.0.1', port, path: '/page.html', agent: false }, () => {
        sent.destroy();
        resolve();
      });
      sent.on('error', () => {});
      sent.on('close', () => resolve());
      sent.end();
      setTimeout(() => reject(new Error('no response')), 5000).unref();
    });
    await vi.waitFor(() => expect(source.destroyed).toBe(true));
    expect(await stillUp(origin)).toBe(true);
  });
});
