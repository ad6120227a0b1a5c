/**
 * Notes through the real `papershelf build`: their math rendered as the abstract's, with
 * KaTeX's stylesheet; a note MDX cannot compile stopping the build with one line naming the
 * paper file and line, and `--out` left as it was.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/run-cli.ts';
import { fingerprint } from '../support/fingerprint.ts';
import { tempDir } from '../support/temp-dir.ts';

const root = join(import.meta.dirname, '..', '..');
const lines = readFileSync(join(root, 'test', 'fixtures', 'sources', 'jsonl-slice', 'papers.jsonl'), 'utf8')
  .trim()
  .split('\n')
  .slice(0, 2);

describe('notes in a build', () => {
  it('renders their math, and stops on a note MDX cannot compile with one line naming file and line', () => {
    const work = tempDir('papershelf-notes-build-');
    const content = join(work, 'content');
    mkdirSync(join(content, 'sources'), { recursive: true });
    cpSync(join(root, 'content', 'taxonomies.yaml'), join(content, 'taxonomies.yaml'));
    writeFileSync(join(content, 'sources', 'papers.jsonl'), `${lines.join('\n')}\n`);
    const env = { PAPERSHELF_CONTENT_DIR: content };
    expect(runCli(['ingest'], root, env).status).toBe(0);
    const [noted, other] = lines.map((line) => JSON.parse(line).id as string);
    const paperFile = (id: string) => join(content, 'papers', `${id}.mdx`);
    const out = join(work, 'site');

    writeFileSync(paperFile(noted!), `${readFileSync(paperFile(noted!), 'utf8')}\nCosts $5 and $10; uses $\\frac{a}{b}$ and \`{code}\`.\n`);
    const built = runCli(['build', '--out', out], root, env);
    expect(built.stderr).toBe('');
    expect(built.status).toBe(0);
    const page = readFileSync(join(out, 'papers', noted!, 'index.html'), 'utf8');
    expect(page).toMatch(/<link rel="stylesheet" href="\/katex\/katex\.css"/);
    expect(page).toMatch(
      /<p>Costs \$5 and \$10; uses <span class="math"><span class="math-tex" aria-hidden="true">\$\\frac\{a\}\{b\}\$<\/span><span class="katex">.*<\/span> and <code>\{code\}<\/code>\.<\/p>/s,
    );

    const before = fingerprint(out);
    const text = `${readFileSync(paperFile(other!), 'utf8')}\nWe keep the {low} end.\n`;
    writeFileSync(paperFile(other!), text);
    const line = text.slice(0, text.indexOf('{low}')).split('\n').length;
    const refused = runCli(['build', '--out', out], root, env);
    expect(refused.status).toBe(1);
    expect(refused.stderr.split('\n')).toEqual([
      expect.stringMatching(
        new RegExp(
          `^\\S*papers/${other}\\.mdx:${line}: notes: \`\\{low\\}\` is read as code, and \`low\` is not defined; in notes, .* write math as \`\\$…\\$\``,
        ),
      ),
      `Nothing was built; ${out} is unchanged. Fix the notes above.`,
      '',
    ]);
    expect(fingerprint(out)).toBe(before);
  });
});
