/** Code-link discovery in abstracts: the seed page's seven GitHub links, then edge cases. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCodeLinks, pickCodeUrl } from '../../src/ingest/enrich/find-code-links.ts';

const seed = readFileSync(join(import.meta.dirname, '..', '..', 'content', 'sources', 'trending-page-2025-03-19.txt'), 'utf8');

describe('findCodeLinks on the seed page', () => {
  it('finds exactly the seven GitHub repositories, in order', () => {
    expect(findCodeLinks(seed)).toEqual([
      'https://github.com/Xiaohao-Liu/CLHE',
      'https://github.com/qiuzh20/EMoE',
      'https://github.com/kamanphoebe/m2mKD',
      'https://github.com/shunk031/attention-meets-perturbation',
      'https://github.com/Topdu/OpenOCR',
      'https://github.com/OpenNLPLab/TransnormerLLM',
      'https://github.com/dazhangyu123/AEM',
    ]);
  });

  it('finds one link per abstract that has one, and none elsewhere', () => {
    const abstracts = seed.split(/\r?\n/).filter((line) => line.length > 300);
    const counts = abstracts.map((abstract) => findCodeLinks(abstract).length);
    expect(counts.filter((count) => count === 1)).toHaveLength(7);
    expect(counts.filter((count) => count > 1)).toEqual([]);
  });
});

describe('findCodeLinks', () => {
  it.each([
    ['no scheme', 'Code: github.com/OpenNLPLab/TransnormerLLM.', 'https://github.com/OpenNLPLab/TransnormerLLM'],
    ['http and www', 'See http://www.github.com/a-b/c_d', 'https://github.com/a-b/c_d'],
    [
      'protocol-relative, stray space after the scheme',
      'at https: //github.com/DISL-Lab/DREAM-ICLR-26; and',
      'https://github.com/DISL-Lab/DREAM-ICLR-26',
    ],
    ['a scheme glued to a word', 'available at-https://github.com/a/b', 'https://github.com/a/b'],
    ['full stop', 'at https://github.com/a/b.', 'https://github.com/a/b'],
    ['comma', 'at https://github.com/a/b, and', 'https://github.com/a/b'],
    ['semicolon', 'at https://github.com/a/b; data', 'https://github.com/a/b'],
    ['parentheses', '(code: https://github.com/a/b)', 'https://github.com/a/b'],
    ['brackets', '[https://github.com/a/b]', 'https://github.com/a/b'],
    ['quotes', '"https://github.com/a/b" and \u201chttps://github.com/c/d\u201d', 'https://github.com/a/b https://github.com/c/d'],
    ['.git suffix before a full stop', 'git clone https://github.com/a/b.git.', 'https://github.com/a/b'],
    ['a dotted repository name', 'https://github.com/u/u.github.io.', 'https://github.com/u/u.github.io'],
    ['deeper paths cut to the repository', 'https://github.com/a/b/tree/main/src/x.py', 'https://github.com/a/b'],
    ['queries and fragments', 'https://github.com/a/b?tab=readme#install', 'https://github.com/a/b'],
    ['doubled slashes', 'https://github.com//siyi-wind/DyMo.', 'https://github.com/siyi-wind/DyMo'],
    [
      'LaTeX \\href and escaped underscores',
      '\\href{https://github.com/zyt/PDP\\_IOD}{https://github.com/zyt/PDP\\_IOD}.',
      'https://github.com/zyt/PDP_IOD',
    ],
    ['Markdown', '[https://github.com/a/b](https://github.com/a/b).', 'https://github.com/a/b'],
    ['the same repository in another case', 'https://github.com/Foo/Bar and github.com/foo/bar', 'https://github.com/Foo/Bar'],
    ['GitLab with subgroups', 'https://gitlab.com/group/sub/project/-/tree/main', 'https://gitlab.com/group/sub/project'],
    ['a self-hosted GitLab', 'https://gitlab.liris.cnrs.fr/sharefair/copalink.', 'https://gitlab.liris.cnrs.fr/sharefair/copalink'],
    ['a Hugging Face model', 'weights at https://huggingface.co/HPLT/OpenLID-v3.', 'https://huggingface.co/HPLT/OpenLID-v3'],
    ['a Hugging Face space via hf.co', '(https://hf.co/spaces/a/demo-app),', 'https://huggingface.co/spaces/a/demo-app'],
    ['a Hugging Face dataset', 'https://huggingface.co/datasets/a/b/blob/main/x.json', 'https://huggingface.co/datasets/a/b'],
  ])('handles %s', (_case, text, expected) => {
    expect(findCodeLinks(text).join(' ')).toBe(expected);
  });

  it.each([
    ['GitHub site pages', 'https://github.com/features/copilot and github.com/orgs/acme/repositories'],
    ['a profile or organisation without a repository', 'https://github.com/ncsu-dk-lab. and https://github.com/starforTJ/'],
    ['a link cut by a line break', 'https://github.com/Naeem-'],
    ['GitHub Pages sites', 'https://chenhaoqcdyq.github.io/LMR/ and MMFormalizer.github.io'],
    ['gists', 'https://gist.github.com/user/0123abcd'],
    ['the bare word', 'Code is on GitHub.com. See GitHub.'],
    [
      'Hugging Face pages and collections',
      'https://huggingface.co/papers/2401.00001 https://huggingface.co/collections/a/b hf.co/K-intelligence.',
    ],
    ['other hosts', 'https://example.com/github.com/a/b and https://bitbucket.org/a/b'],
  ])('ignores %s', (_case, text) => {
    expect(findCodeLinks(text)).toEqual([]);
  });
});

describe('pickCodeUrl', () => {
  it('prefers a GitHub or GitLab repository, even one cited later', () => {
    expect(pickCodeUrl('Model: https://huggingface.co/o/m. Code: https://github.com/o/c.')).toBe('https://github.com/o/c');
  });
  it('prefers a model to a space, and never picks a dataset', () => {
    expect(pickCodeUrl('https://huggingface.co/spaces/o/s https://huggingface.co/o/m')).toBe('https://huggingface.co/o/m');
    expect(pickCodeUrl('https://huggingface.co/datasets/o/d https://huggingface.co/spaces/o/s')).toBe('https://huggingface.co/spaces/o/s');
    expect(pickCodeUrl('Data: https://huggingface.co/datasets/o/d.')).toBeNull();
  });
  it('returns null when there is no repository link', () => {
    expect(pickCodeUrl('Code will be released.')).toBeNull();
  });
});
