/** Plain HTTP requests for the serve tests, with the path sent exactly as given (fetch would normalise `..` and `//` away). */
import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';

/** What came back: a `complete` false means the server cut the response short. */
export interface Answer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string | string[] | undefined>>;
  /** The body as text, gunzipped when it came gzipped. */
  readonly body: string;
  /** The body's bytes as they came. */
  readonly raw: Buffer;
  readonly complete: boolean;
}

/** Sends `method path` to `origin` (`http://127.0.0.1:port`), and waits for the whole answer or its end. */
export function ask(
  origin: string,
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Answer> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve, reject) => {
    const sent = request(
      { host: hostname, port, path, method: options.method ?? 'GET', headers: options.headers ?? {}, agent: false },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        // A response cut short errors (`aborted`) and then closes: what it got so far is the answer.
        response.on('error', () => {});
        response.on('close', () => {
          const raw = Buffer.concat(chunks);
          const gzipped = response.headers['content-encoding'] === 'gzip' && response.complete;
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: (gzipped ? gunzipSync(raw) : raw).toString('utf8'),
            raw,
            complete: response.complete,
          });
        });
      },
    );
    sent.on('error', reject);
    sent.end(options.body);
  });
}
