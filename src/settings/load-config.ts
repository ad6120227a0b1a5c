/**
 * I/O: finds the archive's root and its config file, `papershelf.config.mjs`, imports it and
 * checks it. The archive root is the nearest folder from the current one upward that holds a
 * config file; without one, the current folder.
 */
import { existsSync, statSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { userError } from '../messages/message.ts';
import { ConfigNotLoaded } from '../messages/messages.ts';
import { configSchema, type CheckedConfig } from './config-schema.ts';
import { configProblems } from './config-problems.ts';

/** The config file's name. */
export const CONFIG_FILE = 'papershelf.config.mjs';

/** An archive's root and what its config file says (nothing, without one). */
export interface LoadedConfig {
  /** The folder paths in the config are relative to, and where `content/` is by default. */
  readonly root: string;
  /** The config file, or null when there is none. */
  readonly file: string | null;
  readonly config: CheckedConfig;
}

/** The archive root for `cwd`, and its config file, or `cwd` itself and null when no folder up to the top holds one. */
export function findArchiveRoot(cwd: string): { root: string; file: string | null } {
  for (let folder = cwd; ; folder = dirname(folder)) {
    const file = join(folder, CONFIG_FILE);
    if (existsSync(file)) return { root: folder, file };
    if (dirname(folder) === folder) return { root: cwd, file: null };
  }
}

/** `value`, the default export of a config file (named `shown` in messages), checked; when it is not right, a `UserError` saying every problem, one a line. */
export function checkConfig(value: unknown, shown: string): CheckedConfig {
  const result = configSchema.safeParse(value);
  if (result.success) return result.data;
  const [first, ...more] = configProblems(shown, value, result.error.issues);
  first!.message = [first!, ...more].map((problem) => problem.message).join('\n');
  throw first!;
}

/** How messages name `file`: relative to `cwd` when below it. */
function shownName(file: string, cwd: string): string {
  const path = relative(cwd, file);
  return path && !path.startsWith('..') ? path : file;
}

/** The archive root for `cwd` and its config, imported and checked. */
export async function loadConfig(cwd: string = process.cwd()): Promise<LoadedConfig> {
  const { root, file } = findArchiveRoot(cwd);
  if (file === null) return { root, file, config: {} };
  const shown = shownName(file, cwd);
  let value: unknown;
  try {
    // Named by its time of change too: a long-lived process (`astro dev`, a test) sees the file as it is now, not as first imported.
    const { mtimeMs, size } = statSync(file);
    const url = `${pathToFileURL(file).href}?version=${mtimeMs}-${size}`;
    value = ((await import(/* @vite-ignore */ url)) as { default?: unknown }).default;
  } catch (error) {
    throw userError(ConfigNotLoaded, shown, error instanceof Error ? error.message.split('\n')[0]! : String(error));
  }
  if (value === undefined) throw userError(ConfigNotLoaded, shown, 'it has no default export');
  return { root, file, config: checkConfig(value, shown) };
}
