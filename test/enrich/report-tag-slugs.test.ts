/**
 * What `check`, `ingest` and `build` say about tags (src/ingest/enrich/report-tag-slugs.ts):
 * a merge of variants names both spellings and the one heading the page; tags kept apart by a
 * suffix say so; made-up slugs are noted for `--report`. Distinct tags say nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { formatProblem } from '../../src/messages/errors.ts';
import { tempDir } from '../support/temp-dir.ts';

/** The problems about tags of a JSONL source holding one entry per list of tags, as printed, the folder shown as `<dir>`. */
async function tagReports(...tagLists: string[][]): Promise<string[]> {
  const dir = tempDir('papershelf-tag-reports-');
  const file = join(dir, 'papers.jsonl');
  writeFileSync(
    file,
    tagLists.map((tags, n) => JSON.stringify({ title: `Paper ${n + 1}`, date: '2025-03-10', abstract: 'A.', tags })).join('\n'),
  );
  const { problems } = await collectEntries([file]);
  return problems
    .filter((problem) => problem.field === 'tags')
    .map((problem) => `${problem.severity} ${formatProblem(problem).replace(dir, '<dir>')}`);
}

describe('tag reports', () => {
  it('warn of a merge of case or accent variants, naming both and the one that heads the page', async () => {
    expect(await tagReports(['Bert', 'café'], ['BERT', 'cafe'], ['BERT'])).toMatchInlineSnapshot(`
      [
        "warning <dir>/papers.jsonl:1: tags: warning: \`Bert\` and \`BERT\` differ only in case, accents or invisible characters, so they are one tag: its page /tags/bert/ is headed \`BERT\`, the spelling more papers use; spell the tag one way to silence this",
        "warning <dir>/papers.jsonl:1: tags: warning: \`café\` and \`cafe\` differ only in case, accents or invisible characters, so they are one tag: its page /tags/cafe/ is headed \`cafe\`, which sorts first of spellings used equally often; spell the tag one way to silence this",
      ]
    `);
  });

  it('warn when a tag is kept apart from one that would share its address', async () => {
    expect(await tagReports(['machine-learning'], ['Machine Learning'])).toMatchInlineSnapshot(`
      [
        "warning <dir>/papers.jsonl:2: tags: warning: \`Machine Learning\` and \`machine-learning\` are different tags that would share /tags/machine-learning/, so \`Machine Learning\` is at /tags/machine-learning-dcaa/; spell them alike if they are one tag",
      ]
    `);
  });

  it('note made-up slugs for the report only', async () => {
    expect(await tagReports(['???', '数学'], ['con'])).toMatchInlineSnapshot(`
      [
        "info <dir>/papers.jsonl:1: tags: info: \`???\` has no letters or digits a web address can spell; its page is /tags/tag-a03b221c/",
        "info <dir>/papers.jsonl:1: tags: info: \`数学\` has no letters or digits a web address can spell; its page is /tags/tag-872c1fa1/",
        "info <dir>/papers.jsonl:2: tags: info: \`con\` would be at /tags/con/, a device name on Windows; its page is /tags/con-1143/",
      ]
    `);
  });

  it('say nothing of distinct tags', async () => {
    expect(await tagReports(['C', 'C++'], ['C#', 'llm'], ['machine-learning'])).toEqual([]);
  });
});
