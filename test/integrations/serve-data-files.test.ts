/**
 * `astro dev` answers the data files from the content folder as it is at the request, with the
 * text and media type the build writes: here the RIS files and the Markdown copy, whose notes
 * come from the paper file.
 */
import { appendFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataFileAt } from '../../src/integrations/serve-data-files.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const SLUG = 'titans-learning-to-memorize-at-test-time';
const OTHER = 'moh-multi-head-attention-as-mixture-of-head-attention';

/** A content folder of two seed papers, the first with notes. */
function contentFolder(): string {
  const content = tempDir('papershelf-dev-files-');
  mkdirSync(join(content, 'papers'));
  copyFileSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
  for (const slug of [SLUG, OTHER]) copyFileSync(join(root, 'content', 'papers', `${slug}.mdx`), join(content, 'papers', `${slug}.mdx`));
  appendFileSync(join(content, 'papers', `${SLUG}.mdx`), '\n## Reading group\n\nWe *liked* the memory module.\n');
  return content;
}

describe('the dev server’s data files', () => {
  const content = contentFolder();
  const settings = { site: 'https://example.org', base: '/', title: 'Shelf', taxonomies: join(content, 'taxonomies.yaml') };
  const at = (path: string) => dataFileAt(`/${path}`, content, settings);
  /** The text of the file at `path`; these files are all text. */
  const textAt = async (path: string): Promise<string> => {
    const file = await at(path);
    if (typeof file?.text !== 'string') throw new Error(`no text file at ${path}`);
    return file.text;
  };

  it('answers a paper’s Markdown copy, with its notes, and its RIS', async () => {
    const markdown = await at(`papers/${SLUG}.md`);
    expect(markdown?.type).toBe('text/markdown; charset=utf-8');
    const text = await textAt(`papers/${SLUG}.md`);
    expect(text).toContain(`[This paper in the archive](https://example.org/papers/${SLUG}/)`);
    expect(text.endsWith('## Notes\n\n## Reading group\n\nWe *liked* the memory module.\n')).toBe(true);
    expect(await textAt(`papers/${OTHER}.md`)).not.toContain('## Notes');

    expect((await at(`papers/${SLUG}/cite.ris`))?.type).toBe('application/x-research-info-systems; charset=utf-8');
    expect(await textAt(`papers/${SLUG}/cite.ris`)).toMatch(/^TY {2}- GEN\r\nTI {2}- Titans: Learning to Memorize at Test Time\r\n/);
  });

  it('answers a listing’s RIS with the papers it lists', async () => {
    expect((await textAt('days/2025-03-19/papers.ris')).match(/^TY {2}- /gm)).toHaveLength(2);
    expect(await at('days/2025-03-19/papers.ris.md')).toBeNull();
  });
});
