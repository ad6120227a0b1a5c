// The settings of this archive. Every key is optional; docs/configuration.md in the
// papershelf package lists them all. Command-line flags win over what is said here.
import { defineConfig } from 'papershelf/config';

export default defineConfig({
  title: %TITLE%,
  description: 'Research papers, day by day: read and searched offline.',
  // The public address, for canonical links, feeds and sitemaps. The workflow in
  // .github/workflows/ sets both for GitHub Pages when it builds.
  // site: 'https://example.org',
  // base: '/my-shelf/',
  fetch: {
    // `papershelf fetch hf` catches up on at most this many days.
    hf: { days: 7 },
    // `papershelf fetch arxiv` runs these arXiv API queries, newest first.
    arxiv: { queries: [], max: 200 },
  },
});
