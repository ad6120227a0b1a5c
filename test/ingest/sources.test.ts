/**
 * Parser fixtures: each folder under test/fixtures/sources holds one source file (plus an
 * optional options.json) and the expected.json it must produce: the merged entries and every
 * problem as the command line prints it. `UPDATE=1 npx vitest run test/ingest` rewrites them.
 */
import { readdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectEntries } from '../../src/ingest/collect-entries.ts';
import { formatProblem } from '../../src/messages/errors.ts';

const root = join(import.meta.dirname, '..', 'fixtures', 'sources');

describe('source fixtures', () => {
  for (const name of readdirSync(root).sort()) {
    it(`reads ${name} as expected`, async () => {
      const folder = join(root, name);
      const files = readdirSync(folder).filter((file) => file !== 'expected.json' && file !== 'options.json');
      const optionsFile = join(folder, 'options.json');
      const options = existsSync(optionsFile) ? JSON.parse(readFileSync(optionsFile, 'utf8')) : {};
      const collected = await collectEntries(
        files.map((file) => join(folder, file)),
        options,
      );
      const actual = {
        read: collected.read,
        invalid: collected.invalid,
        duplicates: collected.duplicates,
        entries: collected.merged.map(({ entry, origins }) => ({
          ...entry,
          origins: origins.map((origin) => `${relative(folder, origin.file)}:${origin.line}`),
        })),
        problems: collected.problems.map((problem) => formatProblem({ ...problem, file: relative(folder, problem.file) })),
      };
      const expectedFile = join(folder, 'expected.json');
      if (process.env['UPDATE']) writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(expectedFile)) throw new Error(`${name} has no expected.json; review the output and run with UPDATE=1`);
      expect(actual).toEqual(JSON.parse(readFileSync(expectedFile, 'utf8')));
    });
  }
});
