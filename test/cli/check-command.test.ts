/** `papershelf check`: validates without writing; `--report` holds the same facts as the output. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.ts';
import { tempDir } from '../support/temp-dir.ts';

describe('papershelf check', () => {
  const work = tempDir('papershelf-check-');
  const source = join(work, 'papers.jsonl');
  writeFileSync(
    source,
    [
      '{"id": "2601.00001", "title": "Fine", "date": "2026-01-02", "conference": "X"}',
      '{"id": "2601.00001", "title": "Fine again", "date": "2026-01-03"}',
      '{"title": "", "date": "2026-01-02"}',
      '{"title": "Bad day", "date": "2026-13-45"}',
    ].join('\n'),
  );

  it('reports every problem as file:line: field: reason and writes nothing', () => {
    const report = join(work, 'report.json');
    const run = runCli(['check', source, '--report', report], work);
    expect(run.status).toBe(1);
    expect(run.stderr.split('\n').filter(Boolean)).toEqual([
      'papers.jsonl:1: conference: warning: unknown field, ignored (warned once per field name in this file)',
      'papers.jsonl:2: id: warning: the same paper as papers.jsonl:1 (same arXiv id); merged, the earlier entry winning where both have a value',
      'papers.jsonl:3: title: missing',
      'papers.jsonl:4: date: expected a real day as YYYY-MM-DD',
    ]);
    expect(run.stdout).toBe('4 entries read, 1 duplicates merged, 2 invalid, 2 warnings\n');
    const data = JSON.parse(readFileSync(report, 'utf8'));
    expect(data.summary).toEqual({
      read: 4,
      added: null,
      updated: null,
      unchanged: null,
      removed: null,
      duplicatesMerged: 1,
      invalid: 2,
      warnings: 2,
    });
    expect(data.problems.map((p: { file: string; line: number; field: string }) => `${p.file}:${p.line}:${p.field}`)).toEqual([
      'papers.jsonl:1:abstract',
      'papers.jsonl:1:conference',
      'papers.jsonl:2:abstract',
      'papers.jsonl:2:id',
      'papers.jsonl:3:title',
      'papers.jsonl:4:date',
    ]);
    expect(existsSync(join(work, 'content'))).toBe(false);
  });

  it('exits 0 for valid sources', () => {
    const good = join(work, 'good.jsonl');
    writeFileSync(good, '{"title": "Fine", "date": "2026-01-02"}\n');
    const run = runCli(['check', good], work);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('1 entries read, 0 duplicates merged, 0 invalid\n');
  });
});
