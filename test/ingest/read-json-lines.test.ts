/**
 * The streaming JSON Lines reader against the whole-file one: for any text — entries, blank
 * and bad lines, CRLF/CR/LF mixed, multi-byte characters, read a few bytes at a time so lines,
 * line ends and characters are cut anywhere — it must give exactly what
 * `parseNativeJsonLines(decodeSource(bytes).text)` gives, problems and their wording included.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/ingest/parse/decode-source.ts';
import { detectFormat } from '../../src/ingest/parse/detect-format.ts';
import { parseNativeJsonLines } from '../../src/ingest/parse/parse-native-json.ts';
import { readJsonLines } from '../../src/ingest/parse/read-json-lines.ts';
import { readSources } from '../../src/ingest/parse/read-sources.ts';
import { sniffFormat } from '../../src/ingest/parse/sniff-format.ts';
import { tempDir } from '../support/temp-dir.ts';

const work = tempDir('papershelf-stream-');
let files = 0;
/** Writes `bytes` to a new file named `name` (a new folder each time, so names may repeat). */
function write(bytes: Uint8Array, name = 'papers.jsonl'): string {
  const file = join(work, `${(files += 1)}-${name}`);
  writeFileSync(file, bytes);
  return file;
}

/** What the whole-file path gives for `bytes`: the decoding problem, or the parsed lines. */
function wholeFile(bytes: Uint8Array, file: string) {
  const decoded = decodeSource(bytes);
  if ('error' in decoded) return { entries: [], problems: [{ severity: 'error', file, line: 1, field: 'file', reason: decoded.error }] };
  return parseNativeJsonLines(decoded.text, file);
}

/** Text that puts 2-, 3- and 4-byte characters (and stray BOMs, CRs in strings) next to ASCII. */
const text = fc.string({
  unit: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom('a', ' ', '"', '\\', '{', '}', ':', ',') },
    { weight: 3, arbitrary: fc.constantFrom('é', 'ß', 'Ω', '€', '中', '\u2028', '\uFEFF', '😀', '𝔘', '\t') },
  ),
  maxLength: 12,
});
const value = fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null), fc.array(text, { maxLength: 3 }));
const entry = fc
  .dictionary(fc.constantFrom('id', 'title', 'authors', 'date', 'abstract', 'é'), value, { maxKeys: 4 })
  .map((fields) => JSON.stringify(fields));
const line = fc.oneof(
  { weight: 5, arbitrary: entry },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t \t', '\uFEFF', '\u2028') },
  // Bad lines: cut entries, trailing commas, values that are not objects, loose text.
  { weight: 2, arbitrary: entry.chain((json) => fc.nat(json.length).map((cut) => json.slice(0, cut))) },
  { weight: 1, arbitrary: fc.constantFrom('{"a": 1,}', '[1, 2]', '42', 'null', '"text"', '{"a": 1} x', '// comment') },
  { weight: 1, arbitrary: text },
);
const lineEnd = fc.constantFrom('\n', '\r\n', '\r');
/** A JSON Lines text: lines with mixed line ends, maybe a BOM, maybe no final line end. */
const document = fc
  .tuple(fc.array(fc.tuple(line, lineEnd), { maxLength: 12 }), line, fc.boolean())
  .map(([lines, last, bom]) => `${bom ? '\uFEFF' : ''}${lines.map(([content, end]) => content + end).join('')}${last}`);
/** A few bytes at a time, down to one: every cut lands somewhere new. */
const chunkSize = fc.integer({ min: 1, max: 7 });

describe('readJsonLines', () => {
  it('gives what the whole-file parser gives, for any text and any chunk size', async () => {
    await fc.assert(
      fc.asyncProperty(document, chunkSize, async (source, highWaterMark) => {
        const bytes = new TextEncoder().encode(source);
        const file = write(bytes);
        const streamed = await readJsonLines(file, { highWaterMark });
        expect(streamed).toEqual(wholeFile(bytes, file));
      }),
      { numRuns: 300 },
    );
  });

  it('hands bytes that are not UTF-8, or UTF-16, back to the whole-file reader, which words the problem as always', async () => {
    const invalid = fc.tuple(
      document,
      fc.constantFrom([0xe9], [0xff], [0xc3], [0xe2, 0x82], [0xed, 0xa0, 0x80], [0xf0, 0x9f, 0x98]),
      fc.nat(),
    );
    await fc.assert(
      fc.asyncProperty(invalid, chunkSize, async ([source, bad, at], highWaterMark) => {
        const good = new TextEncoder().encode(source);
        const cut = at % (good.length + 1);
        const bytes = Uint8Array.from([...good.subarray(0, cut), ...bad, ...good.subarray(cut)]);
        const file = write(bytes);
        expect(await readJsonLines(file, { highWaterMark })).toBe('read whole');
        expect(await readSources([file], { highWaterMark })).toEqual(wholeFile(bytes, file));
      }),
      { numRuns: 100 },
    );
    // A character cut by the end of the file is found only when the decoder is flushed.
    const cut = Uint8Array.from([...new TextEncoder().encode('{"title": "a"}\n'), 0xe2, 0x82]);
    const cutFile = write(cut);
    expect(await readJsonLines(cutFile, { highWaterMark: 4 })).toBe('read whole');
    expect((await readSources([cutFile])).problems).toEqual([
      { severity: 'error', file: cutFile, line: 1, field: 'file', reason: 'not valid UTF-8 (at byte 15); re-save the file as UTF-8' },
    ]);
    const utf16 = Buffer.from('\uFEFF{"title": "UTF-16"}\n', 'utf16le');
    const file = write(utf16);
    expect(await readJsonLines(file, { highWaterMark: 1 })).toBe('read whole');
    expect(await readSources([file], { highWaterMark: 1 })).toEqual(wholeFile(utf16, file));
  });

  it('keeps a CR at the end of one chunk and an LF at the start of the next as one line end', async () => {
    const file = write(new TextEncoder().encode('{"id": "a"}\r\n{"id": "b"}\r\r\n{"id": "c"}'));
    const result = await readJsonLines(file, { highWaterMark: 12 });
    expect(result).not.toBe('read whole');
    expect(result === 'read whole' ? [] : result.entries.map((item) => item.line)).toEqual([1, 2, 4]);
  });

  it('reads a line that starts with a byte-order mark (files joined together), with a warning at that line', async () => {
    const source = '{"id": "a"}\n\uFEFF{"id": "b"}\n\uFEFF\uFEFF{"id": "c",}\n';
    const file = write(new TextEncoder().encode(`\uFEFF${source}`));
    const expected = {
      entries: [
        { file, line: 1, fields: { id: 'a' } },
        { file, line: 2, fields: { id: 'b' } },
      ],
      problems: [
        {
          severity: 'warning',
          file,
          line: 2,
          field: 'entry',
          reason: 'removed a byte-order mark (U+FEFF) at the start of the line, a sign of files joined together',
        },
        {
          severity: 'warning',
          file,
          line: 3,
          field: 'entry',
          reason: 'removed a byte-order mark (U+FEFF) at the start of the line, a sign of files joined together',
        },
        // Columns count in the line as written, marks included.
        { severity: 'error', file, line: 3, field: 'entry', reason: 'invalid JSON at column 14: PropertyNameExpected' },
      ],
    };
    expect(parseNativeJsonLines(source, file)).toEqual(expected);
    expect(await readJsonLines(file, { highWaterMark: 5 })).toEqual(expected);
  });

  it('reports a bad line with its line number and column, and reads on', async () => {
    const file = write(new TextEncoder().encode('{"id": "a"}\n\n{"id": "b",}\n{"id": "c"}'));
    const result = await readJsonLines(file, { highWaterMark: 3 });
    expect(result).toEqual({
      entries: [
        { file, line: 1, fields: { id: 'a' } },
        { file, line: 4, fields: { id: 'c' } },
      ],
      problems: [{ severity: 'error', file, line: 3, field: 'entry', reason: 'invalid JSON at column 12: PropertyNameExpected' }],
    });
  });
});

describe('readSources', () => {
  it('streams a JSON Lines file found by its content as it reads one found by its name', async () => {
    await fc.assert(
      fc.asyncProperty(document, chunkSize, async (source, highWaterMark) => {
        const bytes = new TextEncoder().encode(source);
        const file = write(bytes, 'export');
        const whole = decodeSource(bytes);
        const format = 'text' in whole ? detectFormat(file, whole.text) : null;
        // Only texts the content check calls JSON Lines are compared; the others go their own way.
        fc.pre(format === 'jsonl');
        expect(await readSources([file], { highWaterMark })).toEqual(wholeFile(bytes, file));
      }),
      { numRuns: 100 },
    );
  });

  it('reports a JSON Lines file that cannot be read as before', async () => {
    const folder = join(work, 'folder.jsonl');
    mkdirSync(folder);
    const missing = join(work, 'missing.jsonl');
    expect((await readSources([missing, folder])).problems.map((problem) => problem.reason)).toEqual([
      'no such file',
      'cannot read the file (EISDIR)',
    ]);
  });

  it('decides the format from the first part of a file as from the whole, with multi-byte text and CRLFs before the cut', async () => {
    // A BibTeX entry after 100 KB of three-byte characters, or of CRLFs, is still within the
    // 64 K characters detection reads: the head read must reach it.
    for (const filler of ['中'.repeat(100) + '\n', '\r\n']) {
      const text = `notes\n${filler.repeat(Math.ceil(100_000 / new TextEncoder().encode(filler).length))}@article{x, title={T}}\n`;
      const file = write(new TextEncoder().encode(text), 'library');
      expect(detectFormat(file, decodeText(text))).toBe('bibtex');
      expect(await sniffFormat(file)).toBe('bibtex');
    }
    // Past the 64 K characters, nothing decides, whole or sniffed.
    const late = write(new TextEncoder().encode(`notes\n${'中'.repeat(70_000)}\n@article{x, title={T}}\n`), 'library');
    expect(await sniffFormat(late)).toBeNull();
  });
});

function decodeText(text: string): string {
  const decoded = decodeSource(new TextEncoder().encode(text));
  if ('error' in decoded) throw new Error(decoded.error);
  return decoded.text;
}
