import { describe, expect, it } from 'vitest';
import { parseArxivAtom } from '../../src/ingest/parse/parse-arxiv-atom.ts';

const ARXIV = 'xmlns:arxiv="http://arxiv.org/schemas/atom"';

/** A feed around `entries`, the first entry starting on line 3. */
const feed = (...entries: string[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ${ARXIV}>\n${entries.join('\n')}\n</feed>\n`;

const entry = (id: string, extra = '') =>
  `  <entry>\n    <id>http://arxiv.org/abs/${id}</id>\n    <published>2025-01-08T17:58:15Z</published>\n    <title>Paper ${id}</title>\n${extra}  </entry>`;

describe('parseArxivAtom', () => {
  it('maps one entry, wrapped title and summary folded, paragraphs kept', () => {
    const xml = feed(
      `  <entry>
    <id>http://arxiv.org/abs/2501.04519v2</id>
    <published>2025-01-08T17:58:15Z</published>
    <title>rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep
  Thinking</title>
    <summary>  We present rStar-Math to demonstrate that small language models can
rival OpenAI o1.

  On MATH it reaches 90.0%.
</summary>
    <author><name>Xinyu Guan</name></author>
    <author><name>Li Lyna Zhang</name></author>
    <arxiv:doi>10.48550/arXiv.2501.04519</arxiv:doi>
    <arxiv:comment>Code: https://github.com/microsoft/rStar/tree/rStar-math.</arxiv:comment>
    <link href="http://arxiv.org/abs/2501.04519v2" rel="alternate" type="text/html"/>
    <link title="pdf" href="http://arxiv.org/pdf/2501.04519v2" rel="related" type="application/pdf"/>
    <arxiv:primary_category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.CL" scheme="http://arxiv.org/schemas/atom"/>
    <category term="cs.AI" scheme="http://arxiv.org/schemas/atom"/>
  </entry>`,
    );
    const { entries, problems } = parseArxivAtom(xml, 'feed.atom', {});
    expect(problems).toEqual([]);
    expect(entries).toEqual([
      {
        file: 'feed.atom',
        line: 3,
        fields: {
          id: '2501.04519',
          title: 'rStar-Math: Small LLMs Can Master Math Reasoning with Self-Evolved Deep Thinking',
          abstract: 'We present rStar-Math to demonstrate that small language models can rival OpenAI o1.\n\nOn MATH it reaches 90.0%.',
          authors: ['Xinyu Guan', 'Li Lyna Zhang'],
          date: '2025-01-08',
          published: '2025-01-08',
          doi: '10.48550/arXiv.2501.04519',
          url: 'http://arxiv.org/abs/2501.04519v2',
          code_url: 'https://github.com/microsoft/rStar',
          categories: ['cs.CL', 'cs.AI'],
        },
      },
    ]);
  });

  it('lists under --date when given, keeping the publication day', () => {
    const { entries } = parseArxivAtom(feed(entry('2501.00663v1')), 'feed.atom', { date: '2025-02-03' });
    expect(entries[0]?.fields).toMatchObject({ date: '2025-02-03', published: '2025-01-08' });
  });

  it('keeps the newest version of a repeated id, wherever it comes, and warns about the others at their lines', () => {
    const xml = feed(
      entry('2501.04519v2'),
      entry('hep-th/9711200v1'),
      entry('2501.04519v3'),
      entry('hep-th/9711200v3'),
      entry('2501.04519v1'),
    );
    const { entries, problems } = parseArxivAtom(xml, 'feed.atom', {});
    expect(entries.map((kept) => [kept.line, kept.fields['id'], kept.fields['title']])).toEqual([
      [13, '2501.04519', 'Paper 2501.04519v3'],
      [18, 'hep-th/9711200', 'Paper hep-th/9711200v3'],
    ]);
    expect(problems.map((problem) => `${problem.line}: ${problem.severity}: ${problem.reason}`)).toEqual([
      '3: warning: `2501.04519` appears again at line 13; v2 dropped, v3 kept',
      '8: warning: `hep-th/9711200` appears again at line 18; v1 dropped, v3 kept',
      '23: warning: `2501.04519` appears again at line 13; v1 dropped, v3 kept',
    ]);
  });

  it('keeps the first of two copies of the same version', () => {
    const { entries, problems } = parseArxivAtom(feed(entry('2501.00663v1'), entry('2501.00663v1')), 'feed.atom', {});
    expect(entries.map((kept) => kept.line)).toEqual([3]);
    expect(problems[0]?.reason).toBe('`2501.00663` appears again at line 3; a second copy of v1 dropped, v1 kept');
  });

  it('reads single authors and categories as lists, and ignores <entry> in comments and CDATA for lines', () => {
    const xml = feed(
      '  <!-- <entry> commented out </entry> -->',
      '  <title><![CDATA[<entry> in CDATA]]></title>',
      entry('2501.00663v1', '    <author><name>Solo</name></author>\n    <category term="cs.LG"/>\n'),
    );
    const { entries } = parseArxivAtom(xml, 'feed.atom', {});
    expect(entries.map((kept) => [kept.line, kept.fields['authors'], kept.fields['categories']])).toEqual([[5, ['Solo'], ['cs.LG']]]);
  });

  it('decodes only the XML built-in and numeric entities, never DOCTYPE ones', () => {
    const xml = `<?xml version="1.0"?>
<!DOCTYPE feed [<!ENTITY boom "BOOM"><!ENTITY big "&boom;&boom;&boom;&boom;">]>
<feed xmlns="http://www.w3.org/2005/Atom">
<entry><id>http://arxiv.org/abs/2501.00001v1</id><published>2025-01-01T00:00:00Z</published>
<title>p&lt;0.05 &amp;amp; caf&#233; &#x3B1; &nbsp; &big;</title></entry>
</feed>`;
    const { entries, problems } = parseArxivAtom(xml, 'feed.atom', {});
    expect(problems).toEqual([]);
    expect(entries[0]?.fields['title']).toBe('p<0.05 &amp; café α &nbsp; &big;');
  });

  it('reports a malformed feed once, at the line and column the validator gives', () => {
    const xml = feed(entry('2501.00663v1').replace('</title>', '</titel>'));
    expect(parseArxivAtom(xml, 'feed.atom', {})).toEqual({
      entries: [],
      problems: [
        {
          severity: 'error',
          file: 'feed.atom',
          line: 6,
          field: 'file',
          reason: "invalid XML at column 30: Expected closing tag 'title' (opened in line 6, col 5) instead of closing tag 'titel'.",
        },
      ],
    });
  });

  it('reports an arXiv API error entry, and a document that is not a feed', () => {
    const error =
      '  <entry>\n    <id>http://arxiv.org/api/errors#incorrect_id_format_for_1234</id>\n    <title>Error</title>\n    <summary>incorrect id format for 1234</summary>\n  </entry>';
    expect(parseArxivAtom(feed(error), 'feed.atom', {}).problems).toEqual([
      {
        severity: 'error',
        file: 'feed.atom',
        line: 3,
        field: 'entry',
        reason: 'the arXiv API returned an error: incorrect id format for 1234',
      },
    ]);
    expect(parseArxivAtom(feed(), 'feed.atom', {}).problems[0]).toMatchObject({ severity: 'warning', reason: 'the feed has no entries' });
  });

  it('reads only a <feed> in the Atom namespace: another root, or a feed of another vocabulary, is one file error', () => {
    const entries = entry('2501.00663v1');
    const notAtom = (root: string) => parseArxivAtom(`<?xml version="1.0"?>\n<!-- saved -->\n${root}`, 'feed.xml', {});
    const expected = (what: string) => ({
      entries: [],
      problems: [
        {
          severity: 'error',
          file: 'feed.xml',
          line: 3,
          field: 'file',
          reason: `${what} is not an Atom feed; expected <feed xmlns="http://www.w3.org/2005/Atom"> (an arXiv API response)`,
        },
      ],
    });
    expect(notAtom(`<feed xmlns="http://example.org/not-atom">\n${entries}\n</feed>`)).toEqual(
      expected('the root element `<feed>` in the namespace http://example.org/not-atom'),
    );
    expect(notAtom(`<feed>\n${entries}\n</feed>`)).toEqual(expected('the root element `<feed>` in no namespace'));
    expect(notAtom('<rss version="2.0"><channel><item><title>T</title></item></channel></rss>')).toEqual(
      expected('the root element `<rss>` in no namespace'),
    );
    expect(notAtom(`<a:feed xmlns:a="http://example.org/other" xmlns="http://www.w3.org/2005/Atom">${entries}</a:feed>`)).toEqual(
      expected('the root element `<a:feed>` in the namespace http://example.org/other'),
    );
    // The Atom namespace by a prefix, with a DOCTYPE before it, is Atom.
    const prefixed = `<!DOCTYPE a:feed [<!ENTITY x "y">]>\n<a:feed xmlns:a='http://www.w3.org/2005/Atom'>${entries.replaceAll('<', '<a:').replaceAll('<a:/', '</a:')}</a:feed>`;
    expect(parseArxivAtom(prefixed, 'feed.atom', {}).entries.map((kept) => kept.fields['id'])).toEqual(['2501.00663']);
  });
});
