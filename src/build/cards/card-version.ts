/**
 * I/O: a hash of everything besides a paper's text that decides its card's bytes — the cards'
 * code, the card size and date format shared with the pages, the font files, and the
 * versions of the rasteriser and font parser. A change to any of them draws every card again;
 * nothing else does (a new page template, say, leaves the cards alone).
 */
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../settings/project-paths.ts';
import { FONT_FILES } from './glyph-atlas.ts';

const CODE_FOLDER = 'src/build/cards';
const CODE_FILES = ['src/site/social-card.ts', 'src/site/format-date.ts'];
const PACKAGES = ['@resvg/resvg-js', 'opentype.js'];

/** The hash of the cards' code, fonts and libraries. */
export async function cardVersion(root = PROJECT_ROOT): Promise<string> {
  const require = createRequire(join(root, 'package.json'));
  const hash = createHash('sha256');
  const code = (await readdir(join(root, CODE_FOLDER))).sort().map((name) => `${CODE_FOLDER}/${name}`);
  for (const path of [...code, ...CODE_FILES])
    hash
      .update(path)
      .update('\0')
      .update(await readFile(join(root, path)))
      .update('\0');
  for (const name of [...FONT_FILES.bold, ...FONT_FILES.regular])
    hash
      .update(name)
      .update('\0')
      .update(await readFile(require.resolve(name)))
      .update('\0');
  for (const name of PACKAGES) {
    const { version } = JSON.parse(await readFile(require.resolve(`${name}/package.json`), 'utf8')) as { version: string };
    hash.update(`${name}@${version}\0`);
  }
  return hash.digest('base64url').slice(0, 22);
}
