// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';
import { fileURLToPath } from 'node:url';
import { papershelf } from './src/integrations/papershelf.ts';
import { notesProcessor } from './src/notes/notes-processor.ts';

// Deployment settings come from the environment so that one build command serves every host:
// PAPERSHELF_SITE is the public origin (canonical URLs, feeds), PAPERSHELF_BASE the path the
// archive is served under (GitHub Pages: `/<repo>/`).
export default defineConfig({
  // Named from this file, not the root: `papershelf build` gives each archive an Astro root of
  // its own (src/build/render/astro-process.ts says why).
  srcDir: fileURLToPath(new URL('./src/', import.meta.url)),
  publicDir: fileURLToPath(new URL('./public/', import.meta.url)),
  site: process.env.PAPERSHELF_SITE || 'http://localhost:4321',
  base: process.env.PAPERSHELF_BASE || '/',
  trailingSlash: 'always',
  // Astro waits for each page's file to be written before rendering the next; with a few pages
  // in flight, rendering goes on while the disk works.
  build: { format: 'directory', concurrency: 4 },
  // Notes are MDX written by people: src/notes/notes-processor.ts says how they are read, math included.
  markdown: { processor: notesProcessor() },
  integrations: [mdx(), papershelf()],
});
