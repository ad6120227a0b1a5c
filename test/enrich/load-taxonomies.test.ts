/**
 * Loading the taxonomy file: the real one validates, and each malformed fixture under
 * fixtures/taxonomies fails with `file:line: field: reason` for every problem plus a hint.
 */
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTaxonomies } from '../../src/ingest/enrich/load-taxonomies.ts';
import { RESERVED_TAXONOMY_IDS, taxonomyFileSchema } from '../../src/schema/taxonomy.ts';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(import.meta.dirname, 'fixtures', 'taxonomies');

/** The loader's error for a fixture, with the path as the user typed it (relative to the repository). */
async function errorFor(name: string): Promise<string> {
  const file = relative(process.cwd(), join(fixtures, name));
  try {
    await loadTaxonomies(file);
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  throw new Error(`${name} loaded without error`);
}

describe('loadTaxonomies', () => {
  it('loads content/taxonomies.yaml with topics and domains, defaults filled in', async () => {
    const taxonomies = await loadTaxonomies(join(root, 'content', 'taxonomies.yaml'));
    expect(taxonomies.map((taxonomy) => taxonomy.id)).toEqual(['topics', 'domains']);
    const ssm = taxonomies[0]?.terms.find((term) => term.id === 'state-space-models');
    expect(ssm).toMatchObject({ parent: 'sequence-modeling', min_mentions: 2, title_only: false, acronyms: ['SSM'] });
  });

  it('names file, line and field of a duplicate term id', async () => {
    expect(await errorFor('duplicate-term.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/duplicate-term.yaml has 1 problem:
      test/enrich/fixtures/taxonomies/duplicate-term.yaml:11: taxonomies[0].terms[1].id: duplicate term id \`attention\` in taxonomy \`topics\` (first used by terms[0])
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('names file, line and field of an unknown parent', async () => {
    expect(await errorFor('unknown-parent.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/unknown-parent.yaml has 1 problem:
      test/enrich/fixtures/taxonomies/unknown-parent.yaml:10: taxonomies[0].terms[0].parent: unknown parent \`sequence-models\`: no term of taxonomy \`topics\` has that id
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('names file, line and field of a parent cycle', async () => {
    expect(await errorFor('parent-cycle.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/parent-cycle.yaml has 1 problem:
      test/enrich/fixtures/taxonomies/parent-cycle.yaml:10: taxonomies[0].terms[0].parent: parent cycle \`retrieval\` → \`retrieval-augmented-generation\` → \`retrieval\`: a term cannot be its own ancestor
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('refuses a reserved taxonomy id', async () => {
    expect(await errorFor('reserved-id.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/reserved-id.yaml has 1 problem:
      test/enrich/fixtures/taxonomies/reserved-id.yaml:3: taxonomies[0].id: \`tags\` is reserved: it is built from each entry's \`tags\` field; choose another id
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('reports every problem at once, in line order, including unknown fields and misused wildcards', async () => {
    expect(await errorFor('several-problems.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/several-problems.yaml has 6 problems:
      test/enrich/fixtures/taxonomies/several-problems.yaml:7: taxonomies[0].terms[0].id: expected lowercase letters, digits and single hyphens, such as \`state-space-models\`, found \`Attention\`
      test/enrich/fixtures/taxonomies/several-problems.yaml:10: taxonomies[0].terms[0].mach: unknown field \`mach\` (check its spelling)
      test/enrich/fixtures/taxonomies/several-problems.yaml:14: taxonomies[0].terms[1].match[0]: \`*\` (any one word) is allowed in \`exclude\` only; list the words you mean, found \`prompt*\`
      test/enrich/fixtures/taxonomies/several-problems.yaml:15: taxonomies[0].terms[1].min_mentions: expected a whole number, 1 or more, found \`0\`
      test/enrich/fixtures/taxonomies/several-problems.yaml:16: taxonomies[1].id: \`categories\` is reserved: it is built from each entry's \`categories\` field; choose another id
      test/enrich/fixtures/taxonomies/several-problems.yaml:19: taxonomies[1].terms: a taxonomy needs at least one term
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('reports YAML syntax errors with their line', async () => {
    expect(await errorFor('not-yaml.yaml')).toMatchInlineSnapshot(`
      "The taxonomy file test/enrich/fixtures/taxonomies/not-yaml.yaml has 2 problems:
      test/enrich/fixtures/taxonomies/not-yaml.yaml:3: file: invalid YAML: Implicit keys need to be on a single line
      test/enrich/fixtures/taxonomies/not-yaml.yaml:3: file: invalid YAML: Nested mappings are not allowed in compact mappings
      Hint: fix the lines above and build again; the comment at the top of the taxonomy file describes every field."
    `);
  });

  it('says which file it could not read', async () => {
    await expect(loadTaxonomies(join(fixtures, 'missing.yaml'))).rejects.toThrow(/Cannot read the taxonomy file .*missing\.yaml/);
  });
});

describe('taxonomyFileSchema', () => {
  const minimal = (id: string) => ({
    taxonomies: [{ id, label: 'X', description: 'X.', terms: [{ id: 'a', label: 'A', description: 'A.' }] }],
  });

  it('reserves the ids filled from entry fields', () => {
    expect(RESERVED_TAXONOMY_IDS).toEqual(['categories', 'tags']);
    for (const id of RESERVED_TAXONOMY_IDS) expect(taxonomyFileSchema.safeParse(minimal(id)).success).toBe(false);
    expect(taxonomyFileSchema.safeParse(minimal('topics')).success).toBe(true);
  });

  it('fills rule defaults', () => {
    const term = taxonomyFileSchema.parse(minimal('topics')).taxonomies[0]?.terms[0];
    expect(term).toEqual({
      id: 'a',
      label: 'A',
      description: 'A.',
      match: [],
      acronyms: [],
      exclude: [],
      min_mentions: 2,
      title_only: false,
    });
  });

  it('finds a cycle of three and reports it once', () => {
    const term = (id: string, parent: string) => ({ id, label: id, description: id, parent });
    const result = taxonomyFileSchema.safeParse({
      taxonomies: [{ id: 'topics', label: 'T', description: 'T.', terms: [term('a', 'b'), term('b', 'c'), term('c', 'a')] }],
    });
    expect(result.error?.issues.map((issue) => [issue.path.join('.'), issue.message])).toEqual([
      ['taxonomies.0.terms.0.parent', 'parent cycle `a` → `b` → `c` → `a`: a term cannot be its own ancestor'],
    ]);
  });
});
