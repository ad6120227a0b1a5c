/** Runs the real `papershelf` command in a child process, as other tools do. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..', '..');

/** The command's exit code and output. */
export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `papershelf <args>` with the project's Node, from `cwd` (default the project root), with `env` added to the environment. */
export function runCli(args: readonly string[], cwd = root, env: Record<string, string> = {}): CliRun {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'papershelf.js'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, CI: '1', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
