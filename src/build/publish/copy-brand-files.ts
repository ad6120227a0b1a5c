/**
 * I/O: copies the files the owner's config names — the logo and the favicon — into the site
 * folder, under the names the pages link to (src/site/brand.ts). Copied on every build: they
 * are small, and a changed file then needs no record of its own.
 */
import { copyFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Settings } from '../../settings/settings.ts';
import { brandFiles } from '../../site/brand.ts';

/** Copies the logo and the favicon of `settings`, when it names them, into `into`. */
export async function copyBrandFiles(settings: Pick<Settings, 'logo' | 'favicon'>, into: string): Promise<void> {
  for (const { from, path } of brandFiles(settings)) await copyFile(from, join(into, path));
}
