/**
 * Auto-tagging. The seed page's 30 papers carry the tags a reader agreed with after reading
 * each abstract; the rules in content/taxonomies.yaml must produce exactly those. The targeted
 * cases pin down the matching rules on a small taxonomy of their own.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { autoTag, compileTaxonomies, type TaxonomyMatcher } from '../../src/ingest/enrich/auto-tag.ts';
import { loadTaxonomies } from '../../src/ingest/enrich/load-taxonomies.ts';
import { taxonomyFileSchema, type Taxonomy } from '../../src/schema/taxonomy.ts';

const root = join(import.meta.dirname, '..', '..');

/** Title and abstract of each paper on the seed page (the Mar 19 trending page): 5 header lines, then title / abstract pairs. */
function seedPapers(): { title: string; abstract: string }[] {
  const lines = readFileSync(join(root, 'content', 'sources', 'trending-page-2025-03-19.txt'), 'utf8')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .slice(5);
  const papers = [];
  for (let i = 0; i + 1 < lines.length; i += 2) papers.push({ title: lines[i] ?? '', abstract: lines[i + 1] ?? '' });
  return papers;
}

/** What a reader of each seed abstract would tag it with: [title prefix, topics, domains]. */
const EXPECTED: readonly [string, string[], string[]][] = [
  ['Thesis: Document Summarization', ['retrieval', 'sentiment-analysis', 'summarization'], ['language', 'vision']],
  ['Sparse Modular Activation', ['attention', 'conditional-computation', 'sequence-modeling', 'state-space-models'], ['language']],
  ['Leveraging Multimodal Features', ['contrastive-learning', 'multimodal-learning'], ['recommendation']],
  ['RCMHA', ['attention', 'positional-encoding'], ['language']],
  ['Emergent Mixture-of-Experts', ['conditional-computation', 'mixture-of-experts', 'modular-networks'], []],
  ['MultiModN', ['interpretability', 'modular-networks', 'multimodal-learning'], []],
  ['Successor Heads', ['attention', 'interpretability', 'mechanistic-interpretability'], ['language']],
  ['Towards Explainable Anticancer', ['attention', 'interpretability', 'multimodal-learning'], ['biology-medicine']],
  ['γ-MoD', ['conditional-computation', 'multimodal-learning', 'vision-language-models'], ['language', 'vision']],
  ['A Function Interpretation Benchmark', ['benchmarks', 'interpretability'], []],
  ['ProteinRPN', ['graph-learning'], ['biology-medicine']],
  ['Multi-level Matching Network', ['information-extraction', 'multimodal-learning'], ['language', 'vision']],
  ['m2mKD', ['conditional-computation', 'knowledge-distillation', 'mixture-of-experts', 'modular-networks'], ['vision']],
  ['KeNet', ['attention', 'text-classification'], ['language']],
  ['Scattered or Connected?', ['parameter-efficient-fine-tuning', 'retrieval'], ['language']],
  ['See What You Are Told', ['attention', 'multimodal-learning', 'vision-language-models'], ['vision']],
  ['Attention Meets Perturbations', ['adversarial-robustness', 'attention', 'interpretability'], ['language']],
  ['Out of Length Text Recognition', ['ocr-and-documents'], ['vision']],
  ['Label Dependent Attention Model', ['attention', 'interpretability', 'multimodal-learning'], ['biology-medicine']],
  ['Titans', ['attention', 'long-context', 'sequence-modeling'], []],
  ['MoH', ['attention', 'conditional-computation', 'mixture-of-experts'], []],
  ['Circuit Component Reuse', ['attention', 'interpretability', 'mechanistic-interpretability'], ['language']],
  ['Various Lengths, Constant Speed', ['attention', 'efficient-attention'], ['language']],
  ['Deciphering Hate', ['content-moderation', 'multilingual', 'multimodal-learning'], ['language']],
  [
    'Enhancing Instruction-Following',
    ['attention', 'multimodal-learning', 'token-reduction', 'vision-language-models'],
    ['language', 'vision'],
  ],
  ['AEM', ['attention'], ['biology-medicine', 'vision']],
  ['CodeChain', ['code-generation', 'prompting'], ['language', 'software']],
  ['CodePrompt', ['prompting'], ['language', 'software']],
  ['Beyond pip install', ['agents', 'benchmarks'], ['language', 'software']],
  ['Concept-Centric Transformers', ['interpretability'], ['vision']],
];

describe('the seed page', () => {
  let taxonomies: Taxonomy[];
  const papers = seedPapers();
  beforeAll(async () => {
    taxonomies = await loadTaxonomies(join(root, 'content', 'taxonomies.yaml'));
  });

  it('has the 30 papers the expectations describe, in order', () => {
    expect(papers.map((paper) => paper.title.slice(0, 60))).toHaveLength(EXPECTED.length);
    papers.forEach((paper, i) => expect(paper.title.startsWith(EXPECTED[i]?.[0] ?? '∅')).toBe(true));
  });

  it.each(EXPECTED.map((row, i) => [i + 1, ...row] as const))(
    'paper %i (%s…) gets exactly the agreed tags',
    (n, _title, topics, domains) => {
      const paper = papers[n - 1];
      if (paper === undefined) throw new Error(`seed paper ${n} is missing`);
      const tags = autoTag(paper, taxonomies);
      expect({ topics: tags['topics'] ?? [], domains: tags['domains'] ?? [] }).toEqual({ topics, domains });
    },
  );

  it('gives every seed paper at least one topic', () => {
    const untagged = papers.filter((paper) => (autoTag(paper, taxonomies)['topics'] ?? []).length === 0);
    expect(untagged.map((paper) => paper.title)).toEqual([]);
  });

  it('defines a vocabulary of the intended size, every term described', () => {
    const sizes = Object.fromEntries(taxonomies.map((taxonomy) => [taxonomy.id, taxonomy.terms.length]));
    expect(sizes['topics']).toBeGreaterThanOrEqual(25);
    expect(sizes['topics']).toBeLessThanOrEqual(45);
    expect(sizes['domains']).toBeGreaterThanOrEqual(8);
    expect(sizes['domains']).toBeLessThanOrEqual(15);
  });
});

/** A small taxonomy that exercises each rule. */
const RULES = taxonomyFileSchema.parse({
  taxonomies: [
    {
      id: 'topics',
      label: 'Topics',
      description: 'Test topics.',
      terms: [
        { id: 'sequence-modeling', label: 'Sequence modeling', description: 'Parent.', match: ['sequence modeling'] },
        {
          id: 'state-space-models',
          label: 'State-space models',
          description: 'Child.',
          parent: 'sequence-modeling',
          match: ['state space model', 'Mamba'],
          acronyms: ['SSM'],
        },
        { id: 'mixture-of-experts', label: 'MoE', description: 'Experts.', match: ['mixture of expert'], acronyms: ['MoE'] },
        { id: 'multimodal', label: 'Multimodal', description: 'Modalities.', match: ['multi-modal'], min_mentions: 1 },
        {
          id: 'attention',
          label: 'Attention',
          description: 'Attention itself.',
          match: ['attention'],
          exclude: ['received * attention', 'graph attention network'],
          min_mentions: 3,
        },
        { id: 'graph-learning', label: 'Graphs', description: 'Graphs.', match: ['graph attention network'], min_mentions: 1 },
        { id: 'schrodinger', label: 'Schrödinger bridges', description: 'Unicode.', match: ['Schrödinger bridge'], min_mentions: 1 },
        { id: 'benchmarks', label: 'Benchmarks', description: 'Title only.', match: ['benchmark'], title_only: true },
      ],
    },
  ],
}).taxonomies;

describe('matching rules', () => {
  let matcher: TaxonomyMatcher;
  beforeAll(() => {
    matcher = compileTaxonomies(RULES);
  });
  const topics = (title: string, abstract = ''): string[] => matcher.tag({ title, abstract })['topics'] ?? [];

  it('matches whole words only, across scripts', () => {
    expect(topics('PSSM profiles of proteins')).toEqual([]);
    expect(topics('Inattentional blindness')).toEqual([]);
    expect(topics('SSM-based tracking')).toContain('state-space-models');
    expect(topics('γ-MoE routing')).toEqual(['mixture-of-experts']);
    expect(topics('γMoE routing')).toEqual([]);
  });

  it('matches plural forms and version numbers', () => {
    expect(topics('Selective SSMs')).toContain('state-space-models');
    expect(topics('Structured State-Space Models')).toContain('state-space-models');
    expect(topics('Sparse MoEs at scale')).toEqual(['mixture-of-experts']);
    expect(topics('Mamba2 for vision')).toContain('state-space-models');
  });

  it('treats spaces, hyphens and Unicode dashes alike, and a phrase hyphen as optional', () => {
    for (const title of ['Mixture-of-Experts', 'mixture of experts', 'Mixture\u2010of\u2010Experts', 'Mixture–of–Expert layers']) {
      expect(topics(title)).toEqual(['mixture-of-experts']);
    }
    for (const title of ['multimodal fusion', 'multi-modal fusion', 'Multi modal fusion']) {
      expect(topics(title)).toEqual(['multimodal']);
    }
  });

  it('normalises to NFC before matching', () => {
    expect(topics('Schro\u0308dinger bridges for imputation')).toEqual(['schrodinger']);
  });

  it('ignores case for phrases but not for acronyms, and skips names in capitals', () => {
    expect(topics('MAMBA-like recurrences')).toEqual([]);
    expect(topics('Mamba: linear-time sequence modeling')).toEqual(['sequence-modeling', 'state-space-models']);
    expect(topics('Where moe meets cost')).toEqual([]);
    expect(topics('MOE routing')).toEqual([]);
  });

  it('adds the parent of a matching child term', () => {
    expect(topics('A state space model for audio')).toEqual(['sequence-modeling', 'state-space-models']);
  });

  it('does not tag a passing mention: abstract-only terms need mentions in several sentences', () => {
    const once = 'We fuse features with self-attention modules. Results improve on three datasets.';
    expect(topics('Bundle construction', once)).toEqual([]);
    const oneSentence = 'Our attention, cross-attention and self-attention layers are fused. Results improve.';
    expect(topics('Bundle construction', oneSentence)).toEqual([]);
    const threeSentences = 'We revisit attention. Attention heads specialise. Pruning attention maps saves memory.';
    expect(topics('Head pruning', threeSentences)).toEqual(['attention']);
  });

  it('honours exclusions, including `*` wildcards', () => {
    const idiom = 'X has received little attention. Y has received growing attention. Z received considerable attention.';
    expect(topics('A study of X', idiom)).toEqual([]);
  });

  it('counts phrases of different terms independently, unless a term excludes the overlap', () => {
    const gat = 'We use a graph attention network. The graph attention network is deep. Each graph attention network layer is small.';
    expect(topics('Molecules', gat)).toEqual(['graph-learning']);
  });

  it('counts a definition "long form (ACRONYM)" once', () => {
    expect(topics('Scaling', 'We use a Mixture-of-Experts (MoE) layer. It is fast.')).toEqual([]);
    expect(topics('Scaling', 'We use a Mixture-of-Experts (MoE) layer. The MoE is fast.')).toEqual(['mixture-of-experts']);
  });

  it('ignores an acronym the text defines as something else', () => {
    const shape = 'We fit a statistical shape model (SSM). The SSM captures anatomy. Each SSM mode is a deformation.';
    expect(topics('Liver landmarks', shape)).toEqual([]);
  });

  it('lets title-only terms fire on the title alone', () => {
    const abstract = 'A benchmark. Another benchmark. A third benchmark.';
    expect(topics('Faster sorting', abstract)).toEqual([]);
    expect(topics('SortBench: a benchmark for sorting', '')).toEqual(['benchmarks']);
  });

  it('returns sorted, deduplicated ids and leaves out taxonomies with no match', () => {
    expect(matcher.tag({ title: 'Nothing to see', abstract: '' })).toEqual({});
    expect(topics('Mamba meets SSM and state space models')).toEqual(['sequence-modeling', 'state-space-models']);
  });

  it('gives autoTag and a compiled matcher the same answers', () => {
    const paper = { title: 'Mixture-of-Experts Mamba', abstract: 'Multimodal inputs.' };
    expect(autoTag(paper, RULES)).toEqual(matcher.tag(paper));
  });
});
