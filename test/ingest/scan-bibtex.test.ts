/**
 * scan-bibtex.ts reads BibTeX as @retorquere/bibtex-parser's first pass does, without its
 * rereading: the same items, the same values, the same error messages. Checked against the
 * library's own first pass (its `verbatim.js`, which the package does not export) on random
 * texts made of BibTeX's punctuation, and on the shapes that made it quadratic.
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scanBibtex, type ScannedField, type ScannedItem } from '../../src/ingest/parse/scan-bibtex.ts';
import { mathEnd, mathEnds, escapedAt } from '../../src/site/formats/bibtex-math.ts';

/** What the library's first pass gives. */
interface Verbatim {
  readonly entries: readonly { type: string; key: string; input: string; fields: Record<string, string> }[];
  readonly errors: readonly { error: string; input: string }[];
  readonly strings: Record<string, string>;
}
const verbatimUrl = pathToFileURL(
  join(import.meta.dirname, '..', '..', 'node_modules', '@retorquere', 'bibtex-parser', 'dist', 'esm', 'verbatim.js'),
).href;
const verbatim = ((await import(verbatimUrl)) as { parse: (text: string) => Verbatim }).parse;

/** The library's predefined strings that tests use. */
const PREDEFINED: Record<string, string> = { JAN: '01', MAR: '03', CACM: 'Communications of the ACM' };

/** What the library's first pass would give, rebuilt from the scanned items. */
function replay(text: string, items: readonly ScannedItem[]) {
  const strings: Record<string, string> = {};
  const expand = (field: ScannedField) =>
    field.pieces
      .map((piece) => {
        if (piece.kind === 'text') return text.slice(piece.start, piece.end);
        if (piece.kind === 'number') return piece.text;
        const upper = piece.name.toUpperCase();
        return (Object.hasOwn(strings, upper) ? strings[upper] : '') || PREDEFINED[upper] || `{{${piece.name}}}`;
      })
      .join('');
  const entries: Verbatim['entries'][number][] = [];
  const errors: string[] = [];
  for (const item of items) {
    const definition = item.kind === 'string' ? item.field : item.kind === 'broken' ? item.string : undefined;
    if (definition) strings[definition.name.toUpperCase()] = expand(definition);
    if (item.kind === 'broken' && !errors.includes(item.reason)) errors.push(item.reason);
    if (item.kind !== 'entry') continue;
    const fields: Record<string, string> = {};
    for (const field of item.fields) {
      const bare = field.name.toLowerCase();
      let name = bare;
      for (let n = 1; typeof fields[name] === 'string'; n += 1) name = `${bare}+duplicate-${n}`;
      fields[name] = expand(field);
    }
    entries.push({ type: item.type, key: item.key, input: text.slice(item.start, item.end).trim(), fields });
  }
  return { entries, errors, strings };
}

/** Compares the scan of `text` with the library's first pass. */
function expectSameAsLibrary(text: string) {
  const library = verbatim(text);
  const mine = replay(text, scanBibtex(text));
  expect(mine.errors).toEqual(library.errors.filter((error) => error.input !== '').map((error) => error.error));
  expect(mine.entries).toEqual(
    library.entries.filter((entry) => entry.input !== '').map(({ type, key, input, fields }) => ({ type, key, input, fields })),
  );
  expect(mine.strings).toEqual(library.strings);
}

const PIECES = [
  '@',
  '@article',
  '@string',
  '@comment',
  '@preamble',
  '@misc(',
  '{',
  '}',
  '(',
  ')',
  '"',
  '=',
  ',',
  '#',
  '%',
  '\n',
  ' ',
  '\t',
  '\\',
  '$',
  'a',
  'k1',
  '12',
  'jan',
  'Title',
  'x y',
  'ß',
  '[',
  '*',
];
const tokens = fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((pieces) => pieces.join(''));

/** Well-formed BibTeX items, then a few characters changed: most read, some break in every way. */
const space = fc.constantFrom('', ' ', '\n', ' % note @x\n', '\t');
const name = fc.constantFrom('s1', 'S1', 's2', 'jan', 'cacm', 'nope', 'title', 'author', 'k');
const inside = fc
  .array(fc.constantFrom('word ', '{', '}', '{x}', '\\{', '\\"', '$', '$x$', '"', '@', '%', '\n', '#', ',', '\\'), { maxLength: 8 })
  .map((parts) => parts.join(''));
const piece = fc.oneof(
  inside.map((text) => `{${text}}`),
  inside.map((text) => `"${text}"`),
  name,
  fc.constantFrom('2024', '7'),
);
const value = fc.array(piece, { minLength: 1, maxLength: 3 }).chain((pieces) => space.map((gap) => pieces.join(`${gap}#${gap}`)));
const field = fc.tuple(space, name, space, value).map(([gap, key, gap2, text]) => `${gap}${key}${gap2}=${gap2}${text}`);
const item = fc.oneof(
  fc
    .tuple(
      fc.constantFrom('article', 'misc', 'InProceedings', ''),
      fc.constantFrom(['{', '}'], ['(', ')']),
      fc.constantFrom('key', 'k:1', ''),
      fc.array(field, { maxLength: 4 }),
      space,
    )
    .map(([type, [open, close], key, fields, gap]) => `@${type}${open}${[key, ...fields].join(',')}${gap}${close}`),
  fc.tuple(fc.constantFrom('string', 'STRING'), field).map(([type, text]) => `@${type}{${text}}`),
  inside.map((text) => `@comment{${text}}`),
  value.map((text) => `@preamble{${text}}`),
);
const edit = fc.tuple(fc.nat(), fc.constantFrom('', '{', '}', '"', '@', ',', '=', '#', '%', '\n', '\\', '$'));
const bibtexish = fc.oneof(
  tokens,
  fc.tuple(fc.array(fc.tuple(item, space), { maxLength: 6 }), fc.array(edit, { maxLength: 3 })).map(([items, edits]) => {
    let text = items.map(([entry, gap]) => `${entry}${gap}`).join('\n');
    for (const [at, insert] of edits) {
      const index = text.length === 0 ? 0 : at % text.length;
      text = `${text.slice(0, index)}${insert}${text.slice(index + (insert === '' ? 1 : 0))}`;
    }
    return text;
  }),
);

describe('scanBibtex', () => {
  it('reads entries, @strings and comments as the library does', () => {
    expectSameAsLibrary(
      [
        '% a comment with @article{not, an = entry}',
        '@string{ venue = "ICML" # { 2024} }',
        '@STRING(short = venue)',
        '@preamble{ "\\newcommand{\\x}{y}" }',
        '@comment{ anything @here }',
        '@article{k1, title = {A {nested} title}, journal = short # " " # jan, year = 2024, title = {again}}',
        '@misc(k2, note = "quoted {with \\" brace}" , month = mar)',
        'junk between entries',
        '@book{k3,}',
      ].join('\n'),
    );
  });

  it("gives the library's message for each broken entry, and reads on at the next @", () => {
    expectSameAsLibrary(
      '@article{a, title = {open\n@article{b, title = {fine}}\n@misc{c, title "x"}\n@string{s = "v" oops\n@misc{d, t = s}',
    );
    expectSameAsLibrary('@a\n@b{\n@c{k, t = "\n@d{k, t = {$x}}\n@e{k, t = {x}');
  });

  it('matches the library on random BibTeX-like text', () => {
    fc.assert(
      fc.property(bibtexish, (text) => expectSameAsLibrary(text)),
      { numRuns: 4000 },
    );
  });
});

describe('mathEnds', () => {
  it("gives mathEnd's answer for every opening, on random text", () => {
    const text = fc
      .array(fc.constantFrom('$', '$', '\\', '(', ')', '{', '}', '\n', ' ', ' ', '\t', 'a'), { maxLength: 200 })
      .map((chars) => chars.join(''));
    fc.assert(
      fc.property(text, (value) => {
        const ends = mathEnds(value);
        for (let i = 0; i < value.length; i += 1) {
          if ((value[i] === '$' || value.startsWith('\\(', i)) && !escapedAt(value, i))
            expect(ends(i), `${JSON.stringify(value)} at ${i}`).toBe(mathEnd(value, i));
        }
      }),
      { numRuns: 2000 },
    );
  });
});
