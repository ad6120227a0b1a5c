/**
 * Mistakes get one clear line: the nearest valid option or command, a value a flag needs, a
 * system error with its path or port and what to do — no stack trace unless `--verbose`.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { explainError } from '../../src/cli/explain-error.ts';
import { nearestWord } from '../../src/cli/nearest-word.ts';
import { runCli } from '../cli/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

/** A system error as Node makes them. */
const systemError = (code: string, syscall: string, extra: Record<string, unknown> = {}) =>
  Object.assign(new Error(`${code}: failed, ${syscall}`), { code, syscall, errno: -1, ...extra });

describe('the command line', () => {
  it('suggests the nearest option and command', () => {
    const option = runCli(['build', 'x.jsonl', '--outt', 'site']);
    expect(option.status).toBe(2);
    expect(option.stderr).toBe('papershelf: unknown option `--outt`; did you mean `--out`? (papershelf --help lists the options)\n');
    expect(runCli(['check', '--skip-invaild', 'x.jsonl']).stderr).toContain('did you mean `--skip-invalid`?');
    const command = runCli(['biuld', '--out', 'site']);
    expect(command.status).toBe(2);
    expect(command.stderr).toBe('papershelf: unknown command `biuld`; did you mean `build`? (papershelf --help lists the commands)\n');
    expect(runCli(['frobnicate']).stderr).toBe('papershelf: unknown command `frobnicate` (papershelf --help lists the commands)\n');
  });

  it('refuses --date with no source named, since it dates only those', () => {
    for (const command of ['build', 'ingest']) {
      const run = runCli([command, '--out', 'site', '--date', '2025-03-19']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(
        new RegExp(`^papershelf: ${command} --date: the day applies only to the sources named with it, and none is named; name them`),
      );
    }
  });

  it('says what value a flag needs, and that a switch takes none', () => {
    expect(runCli(['build', 'x.jsonl', '--out']).stderr).toBe('papershelf: `--out` needs a value, e.g. `--out dist`\n');
    expect(runCli(['build', 'x.jsonl', '--out', 'site', '--portable=yes']).stderr).toBe(
      'papershelf: `--portable` takes no value; write it alone\n',
    );
  });

  it('names a port in use in one line, without a stack trace', async () => {
    const taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const run = runCli(['serve', tempDir('papershelf-serve-'), '--port', String(port)]);
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(
        `papershelf: port ${port} on 127.0.0.1 is in use; stop what uses it, or pick another with --port (--port 0 picks a free one)\n`,
      );
    } finally {
      taken.close();
    }
  });
});

describe('explainError', () => {
  it('names the path and a hint for system errors, and adds the stack only when verbose', () => {
    const full = systemError('ENOSPC', 'write', { path: '/media/usb/shelf' });
    expect(explainError(full)).toBe(
      'cannot write /media/usb/shelf: ENOSPC: the disk is full; free some space and run again (nothing was published)',
    );
    expect(explainError(systemError('EACCES', 'open', { path: '/srv/www/index.html' }))).toBe(
      'cannot open /srv/www/index.html: EACCES: permission denied; check who owns it, or choose a folder you may write',
    );
    expect(explainError(systemError('EACCES', 'listen', { port: 80, address: '127.0.0.1' }))).toMatch(
      /^may not listen on port 80; ports below 1024 need privileges/,
    );
    expect(explainError(full, { verbose: true })).toMatch(
      /^cannot write \/media\/usb\/shelf: ENOSPC: .*\nError: ENOSPC: failed, write\n\s+at /,
    );
    expect(explainError(systemError('EWEIRD', 'read', { path: '/x' }))).toBe('cannot read /x: EWEIRD (EWEIRD: failed, read)');
  });

  it('keeps the stack of an error nothing expected, which is a defect to report', () => {
    expect(explainError(new TypeError('x is undefined'))).toMatch(/^TypeError: x is undefined\n\s+at /);
  });
});

describe('nearestWord', () => {
  it('finds a typo, a swap and a missing letter, and nothing for a word far from all', () => {
    const words = ['out', 'portable', 'skip-invalid', 'site', 'base'];
    expect(nearestWord('outt', words)).toBe('out');
    expect(nearestWord('protable', words)).toBe('portable');
    expect(nearestWord('skip-invald', words)).toBe('skip-invalid');
    expect(nearestWord('frobnicate', words)).toBeUndefined();
  });
});

describe('serve', () => {
  it('refuses a folder that does not exist, saying how to make one', () => {
    const run = runCli(['serve', 'no-such-archive', '--port', '0']);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'papershelf: serve: `no-such-archive` is not a built archive folder; build one first (papershelf build --out no-such-archive)\n',
    );
  });
});
