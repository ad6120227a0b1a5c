// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { papershelf } from './src/integrations/papershelf.ts';
import { notesProcessor } from './src/notes/notes-processor.ts';
import { astroSettings } from './src/build/render/astro-boundary.ts';

// The public origin and the base path: the build's settings, handed to each Astro process it
// starts, or the user's (`PAPERSHELF_SITE`, `PAPERSHELF_BASE`, papershelf.config.mjs) for `astro dev` and `astro build`.
const { site, base } = await astroSettings();

export default defineConfig({
  // Named from this file, not the root: `papershelf build` gives each archive an Astro root of
  // its own (src/build/render/astro-process.ts says why).
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  site,
  base,
  trailingSlash: 'always',
  // Astro waits for each page's file to be written before rendering the next; with a few pages
  // in flight, rendering goes on while the disk works.
  build: { format: 'directory', concurrency: 4 },
  // Notes are MDX written by people: src/notes/notes-processor.ts says how they are read, math included.
  markdown: { processor: notesProcessor() },
  integrations: [mdx(), papershelf()],
});
