/**
 * I/O: a hash of everything besides the data that decides how pages look — the templates,
 * scripts and styles under `src/`, the files under `public/`, the Astro configuration, the
 * locked dependency versions, and the settings pages are rendered with. Any change to one of
 * them makes every page render again. The code that reads sources, drives the build or serves
 * it is left out: what it computes reaches pages only as data, and the data is in every
 * fingerprint. The cards have a version of their own (src/build/cards/card-version.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { listFiles } from '../../fs/list-files.ts';
import { exists } from '../../fs/exists.ts';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import type { Settings } from '../../settings/settings.ts';
import { brandOf } from '../../site/brand.ts';

/** Folders and files of the project that rendering depends on. */
const CODE_FOLDERS = ['src', 'public'];
/** Under `src/`, the code that shapes data rather than pages. */
const NOT_RENDERING = ['src/ingest/', 'src/cli/', 'src/serve/', 'src/build/render/', 'src/build/publish/', 'src/build/cards/'];
const CODE_FILES = ['astro.config.mjs', 'package-lock.json', 'tsconfig.json'];
/** The hash of the project's rendering code and of the settings that change rendered pages. */
export async function codeVersion(settings: Settings, root = PROJECT_ROOT): Promise<string> {
  const hash = createHash('sha256');
  hash.update(`site=${settings.site}\0base=${settings.base}\0`);
  // The config's branding (name, colours, icon, head elements, footer, what pages show) is on every page.
  hash.update(`brand=${JSON.stringify(brandOf(settings))}\0`);
  const files = [
    ...(
      await Promise.all(
        CODE_FOLDERS.map(async (folder) => (await listFiles(join(root, folder)).catch(() => [])).map((path) => `${folder}/${path}`)),
      )
    ).flat(),
    ...CODE_FILES,
  ].filter((path) => !NOT_RENDERING.some((folder) => path.startsWith(folder)));
  for (const path of files) {
    const absolute = join(root, path);
    if (!(await exists(absolute))) continue;
    hash
      .update(path)
      .update('\0')
      .update(await readFile(absolute))
      .update('\0');
  }
  return hash.digest('base64url').slice(0, 22);
}
