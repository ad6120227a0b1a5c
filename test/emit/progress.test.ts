import { describe, expect, it, afterEach } from 'vitest';
import { startProgress } from '../../src/cli/progress.ts';

/** A stand-in for process.stderr that records what is written. */
function fakeStream(isTTY: boolean): NodeJS.WriteStream & { text: string } {
  const stream = {
    isTTY,
    text: '',
    write(chunk: string) {
      stream.text += chunk;
      return true;
    },
  };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progress', () => {
  const ci = process.env['CI'];
  afterEach(() => {
    if (ci === undefined) delete process.env['CI'];
    else process.env['CI'] = ci;
  });

  it('draws a line on a terminal', () => {
    delete process.env['CI'];
    const stream = fakeStream(true);
    const progress = startProgress('Writing papers', 5000, stream);
    progress.tick(10);
    progress.finish();
    expect(stream.text).toBe('\rWriting papers: 10/5000 (0%)\rWriting papers: 5000/5000 (100%)\n');
  });

  it('stays quiet in CI, when piped, and for short runs', () => {
    process.env['CI'] = 'true';
    const inCi = fakeStream(true);
    startProgress('x', 5000, inCi).finish();
    delete process.env['CI'];
    const piped = fakeStream(false);
    startProgress('x', 5000, piped).finish();
    const short = fakeStream(true);
    startProgress('x', 10, short).finish();
    expect([inCi.text, piped.text, short.text]).toEqual(['', '', '']);
  });
});
