/**
 * The config's `taxonomies` names the file papers are tagged with: `ingest` tags by it, and the
 * build's taxonomy pages come from it, not from a `taxonomies.yaml` the content folder lacks.
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

const VOCABULARY = `taxonomies:
  - id: methods
    label: Methods
    description: How the work is done.
    terms:
      - id: gardening
        label: Gardening
        description: Papers about gardens.
        match: [garden]
`;

describe('the config file names the taxonomies', () => {
  it('ingest tags with the named file, and the build makes its pages', () => {
    const root = tempDir('papershelf-taxonomies-');
    mkdirSync(join(root, 'vocabulary'));
    writeFileSync(join(root, 'vocabulary', 'tags.yaml'), VOCABULARY);
    writeFileSync(join(root, 'papershelf.config.mjs'), "export default { title: 'Gardens', taxonomies: 'vocabulary/tags.yaml' };\n");
    const source = join(root, 'gardens.jsonl');
    const entry = { id: '2501.00001', title: 'A garden of forking paths', abstract: 'We plant a garden.', date: '2025-01-02' };
    writeFileSync(source, `${JSON.stringify(entry)}\n`);

    const ingest = runCli(['ingest', source], root);
    expect(ingest.stderr).toBe('');
    expect(ingest.status).toBe(0);
    const front = readFileSync(join(root, 'content', 'papers', '2501.00001.mdx'), 'utf8');
    expect(front).toMatch(/methods:\n\s+- gardening/);

    const build = runCli(['build', '--out', join(root, 'site')], root);
    expect(build.status, build.stderr).toBe(0);
    expect(readdirSync(join(root, 'site', 'methods'))).toContain('gardening');
    expect(readFileSync(join(root, 'site', 'methods', 'gardening', 'index.html'), 'utf8')).toContain('A garden of forking paths');
  }, 240_000);
});
