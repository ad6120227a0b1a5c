import { describe, expect, it } from 'vitest';
import { makeSlugs, preferredSlug, slugifyTitle } from '../../src/ingest/enrich/make-slugs.ts';
import { identityKey } from '../../src/ingest/merge/identity-key.ts';
import { SLUG } from '../../src/schema/paper.ts';

const paper = (title: string, id: string | null = null) => ({ id, title, key: identityKey({ id, doi: null, title, authors: [] }) });

describe('slugs', () => {
  it('uses the arXiv id when known', () => {
    expect(preferredSlug(paper('Anything', '2501.00663'))).toBe('2501.00663');
    expect(preferredSlug(paper('Old style', 'hep-th/9901001'))).toBe('hep-th-9901001');
  });

  it('makes a readable ASCII slug of the title otherwise', () => {
    expect(slugifyTitle('Successor Heads: Recurring, Interpretable Attention Heads In The Wild')).toBe(
      'successor-heads-recurring-interpretable-attention-heads-in-the-wild',
    );
    expect(slugifyTitle('Über Café: naïve résumé')).toBe('uber-cafe-naive-resume');
    expect(slugifyTitle('../../etc/passwd %2F #x ?y')).toBe('etc-passwd-2f-x-y');
    expect(slugifyTitle('zero\u200bwidth')).toBe('zerowidth');
  });

  it('cuts long titles at a word boundary', () => {
    const slug = slugifyTitle('word '.repeat(100));
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('never gives an empty or reserved slug', () => {
    for (const title of ['???', '数学', '🙂🙂', 'index', 'CON', 'pagefind', '404', 'COM0', 'lpt9', 'Aux', 'nul']) {
      const slug = preferredSlug(paper(title));
      expect(slug).toMatch(SLUG);
      expect(['index', 'con', 'pagefind', '404', 'com0', 'lpt9', 'aux', 'nul', '']).not.toContain(slug);
    }
  });

  it('gives up a slug a paper had that names a Windows device, with or without an extension', () => {
    const papers = [paper('Com zero', null), paper('Console text', null)];
    const previous = new Map([
      [papers[0]!.key, 'com0'],
      [papers[1]!.key, 'con.txt'],
    ]);
    expect([...makeSlugs(papers, previous).values()].sort()).toEqual(['com-zero', 'console-text']);
  });

  it('resolves collisions deterministically, whatever the input order', () => {
    const papers = [paper('BERT', null), { ...paper('Bert'), key: 'title:bert|smith' }, paper('B.E.R.T.')];
    const forward = makeSlugs(papers);
    const backward = makeSlugs([...papers].reverse());
    expect([...forward].sort()).toEqual([...backward].sort());
    expect(new Set(forward.values()).size).toBe(3);
    expect([...forward.values()].sort()).toEqual(['b-e-r-t', 'bert', 'bert-2']);
  });

  it('keeps slugs papers already have, so permalinks never move', () => {
    const old = paper('Attention');
    const newcomer = { ...paper('Attention'), key: 'title:attention|other' };
    const previous = new Map([[old.key, 'attention-2']]);
    const slugs = makeSlugs([newcomer, old], previous);
    expect(slugs.get(old.key)).toBe('attention-2');
    expect(slugs.get(newcomer.key)).toBe('attention');
  });

  it('gives a paper the address it asks for (an archive’s download) when free, after the slugs papers already have', () => {
    const asking = { ...paper('Attention'), asked: 'attention-2' };
    const holder = { ...paper('Attention'), key: 'title:attention|holder' };
    const late = { ...paper('Transformers'), key: 'title:transformers|late', asked: 'attention-2' };
    const reserved = { ...paper('Devices'), key: 'title:devices|x', asked: 'con' };
    expect([...makeSlugs([late, asking, holder, reserved]).entries()].sort()).toEqual(
      [
        [asking.key, 'attention-2'],
        [holder.key, 'attention'],
        [late.key, 'transformers'],
        [reserved.key, 'devices'],
      ].sort(),
    );
    // A slug a paper already has wins over one another paper asks for.
    const slugs = makeSlugs([asking, holder], new Map([[holder.key, 'attention-2']]));
    expect([slugs.get(holder.key), slugs.get(asking.key)]).toEqual(['attention-2', 'attention']);
  });
});
