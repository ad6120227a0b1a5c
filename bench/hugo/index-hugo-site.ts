/**
 * `node bench/hugo/index-hugo-site.ts <dir>`: Pagefind over the pages Hugo built, as a Hugo user
 * runs it, through Pagefind's Node API the way our build first did (src/integrations/index-site.ts
 * at 56cb378): one index, English, every response checked, Pagefind always closed, and its
 * ready-made interfaces removed, as ours are. A copy rather than an import, so the comparison
 * does not change when our own indexing does. Runs in a process of its own so that the
 * benchmark can time it and sample its memory apart from Hugo's.
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as pagefind from 'pagefind';
import { UNUSED_UIS } from '../../src/build/search/write-search-bundle.ts';

function check(step: string, errors: readonly string[]): void {
  if (errors.length > 0) throw new Error(`Pagefind failed to ${step}:\n  ${errors.join('\n  ')}`);
}

/** Indexes the HTML under `dir` into `dir/pagefind/`; returns the pages Pagefind read. */
async function indexHugoSite(dir: string): Promise<number> {
  try {
    const created = await pagefind.createIndex({ forceLanguage: 'en' });
    check('start', created.errors);
    if (!created.index) throw new Error('Pagefind failed to start: no index was created');
    const added = await created.index.addDirectory({ path: dir });
    check('read the built pages', added.errors);
    const written = await created.index.writeFiles({ outputPath: join(dir, 'pagefind') });
    check('write the index', written.errors);
    for (const name of UNUSED_UIS) await rm(join(dir, 'pagefind', name), { force: true });
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

const dir = process.argv[2];
if (!dir) {
  process.stderr.write('usage: node bench/hugo/index-hugo-site.ts <built site folder>\n');
  process.exit(2);
}
// A run that indexed nothing would make Hugo look fast for the wrong reason.
if ((await indexHugoSite(dir)) === 0) throw new Error(`Pagefind found no pages in ${dir}`);
