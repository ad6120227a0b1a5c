/** The bibliographic fields in front matter: written when known, left out when not, and read back by the archive unchanged. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emittedPaper, paperToMdx } from '../../src/ingest/emit/paper-to-mdx.ts';
import { parsePaperFiles } from '../../src/site/archive/parse-paper-files.ts';
import { makePaper } from '../support/make-paper.ts';
import { tempDir } from '../support/temp-dir.ts';

const bert = makePaper('1810.04805', '2025-03-19', {
  id: '1810.04805',
  title: 'BERT',
  type: 'inproceedings',
  venue: 'Proceedings of NAACL: "Long": Papers #1 {x} <b>',
  volume: '1',
  issue: 'no',
  pages: '4171–4186',
  publisher: 'yes',
  citekey: 'DBLP:conf/naacl/DevlinCLT19',
  project_url: 'https://bert.example/?a=1&b=2',
  hf_url: 'https://huggingface.co/papers/1810.04805',
  upvotes: 12,
});

describe('front matter of the bibliographic fields', () => {
  it('writes them after upvotes, YAML-quoted where YAML would misread them, and reads them back unchanged', () => {
    const dir = tempDir('papershelf-front-matter-');
    const text = paperToMdx(bert, '', 'refs.bib:1');
    expect(text).toContain('type: inproceedings\n');
    // `no` and `yes` would be booleans in YAML 1.1.
    expect(text).toContain('issue: "no"\n');
    expect(text).toContain('publisher: "yes"\n');
    writeFileSync(join(dir, 'bert.mdx'), text);
    const [read] = parsePaperFiles({ dir }, ['bert.mdx']);
    expect(read!.paper).toEqual(bert);
    expect(emittedPaper(bert)).toEqual(read!.paper);
  });

  it('leaves out the ones not known, which read back as null', () => {
    const dir = tempDir('papershelf-front-matter-');
    const plain = makePaper('plain', '2025-03-19');
    const text = paperToMdx(plain, '', 'refs.bib:1');
    for (const field of ['type', 'venue', 'volume', 'issue', 'pages', 'publisher', 'citekey', 'project_url', 'hf_url'])
      expect(text).not.toMatch(new RegExp(`^${field}:`, 'm'));
    writeFileSync(join(dir, 'plain.mdx'), text);
    expect(parsePaperFiles({ dir }, ['plain.mdx'])[0]!.paper).toEqual(plain);
  });
});
