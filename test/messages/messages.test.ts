/**
 * The catalogue of command messages (src/messages/messages.ts): every entry is well formed, and
 * the files that stop a command say what they say through it, never in a string of their own.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RunError, UserError } from '../../src/messages/errors.ts';
import { messageLine, runError, userError, type MessageParams } from '../../src/messages/message.ts';
import * as catalogue from '../../src/messages/messages.ts';

const root = join(import.meta.dirname, '..', '..');

type Catalogue = typeof catalogue;

/** Parameters for each entry, as a command would give them. Typed, so a new entry needs one here. */
const EXAMPLES: { readonly [K in keyof Catalogue]: MessageParams<Catalogue[K]> } = {
  UnknownCommand: ['biuld', 'build'],
  UnknownOption: ['--outt', 'out'],
  OptionNeedsValue: ['out', 'dist'],
  SwitchTakesNoValue: ['portable'],
  SourceNotFound: ['check', 'papers.jsonl', root],
  SourceIsFolder: ['check', 'sources'],
  CheckNeedsSource: [],
  BuildNeedsOut: [],
  ReportIsSource: ['papers.jsonl'],
  ReportNotFile: ['reports'],
  ReportNotOurs: ['notes.json'],
  DateNotADay: ['2025-3-1'],
  DateNeedsSource: ['build'],
  UnknownFormat: ['yaml', ['jsonl', 'bibtex']],
  PortNotANumber: ['70000'],
  NoArchiveToServe: ['dist', 'dist'],
  CheckLinksNeedsFolder: [],
  CheckLinksFolderMissing: ['dist'],
  NothingBuilt: ['dist'],
  NothingBuiltNotes: ['dist'],
  NothingBuiltByAstro: ['dist'],
  PortInUse: [4321, '127.0.0.1'],
  PortNeedsPrivileges: [80],
  BaseNotSlashed: ['--base', 'papershelf', '/papershelf/'],
  BaseHasOddCharacter: ['--base', '/a b/', '/a b/'],
  BaseHasOddSegment: ['--base', '/a/../b/', '/a/b/'],
  SiteNotAbsolute: ['--site', 'example.org'],
  SiteNotHttp: ['--site', 'ftp://example.org'],
  SiteNotOrigin: ['--site', 'https://example.org/?a', 'https://example.org'],
  SiteHasPath: ['--site', 'https://example.org/shelf', 'https://example.org', '/shelf/'],
  BundleSizeNotANumber: ['PAPERSHELF_SEARCH_BUNDLE_SIZE', 'many'],
  ConfigValueInvalid: ['papershelf.config.mjs', 'themeColor', 'a CSS colour such as #1d5fc9', '"blu"'],
  ConfigKeyUnknown: ['papershelf.config.mjs', 'themeColour', 'themeColor'],
  ConfigNotLoaded: ['papershelf.config.mjs', 'Unexpected end of input'],
  ConfigFileMissing: ['papershelf.config.mjs', 'logo', 'logo.svg'],
  OutputIsFile: ['--out', 'notes.txt'],
  OutputIsRoot: ['--out', '/'],
  OutputIsHome: ['--out', '/home/ada'],
  OutputHoldsHome: ['--out', '/home'],
  OutputIsWorkingFolder: ['--out', '.'],
  OutputHoldsWorkingFolder: ['--out', '..'],
  OutputHoldsProject: ['--out', '..'],
  OutputIsContent: ['--out', 'content', join(root, 'content')],
  OutputInsideContent: ['--out', 'content/papers', join(root, 'content')],
  OutputInsideProjectFolder: ['--out', 'src/site', 'src'],
  OutputHoldsSource: ['--out', 'data', 'data/papers.jsonl'],
  OutputNotOurs: ['--out', 'thesis', ['.git', 'chapter1.tex', 'chapter2.tex', 'figures', 'notes.md']],
  OutputUnmarkedArchive: ['--out', 'dist', ['_astro', 'index.html']],
  OutputHasForeignFiles: ['--out', 'dist', ['CNAME']],
  ZipIsSource: ['papers.jsonl'],
  ZipIsFolder: ['dist'],
  ZipNotOurs: ['shelf.zip'],
  InUse: ['dist', '.dist.papershelf-lock', 4242, undefined, '2025-03-19T10:00:00.000Z', 'building dist'],
  InUseByAnotherRun: ['dist', '.dist.papershelf-lock'],
  ServerError: ['EMFILE: too many open files'],
  CouldNotSend: ['/papers/x/', 'EIO: i/o error, read'],
  FetchNeedsSource: [],
  FetchUnknownSource: ['hff', 'hf'],
  FetchOptionNotFor: ['query', 'hf'],
  FetchNotADay: ['from', '2026-12-32'],
  FetchDatesConflict: [],
  FetchToNeedsFrom: ['2026-12-07'],
  FetchRangeBackwards: ['2026-12-07', '2026-12-01'],
  FetchRangeTooLong: ['2020-01-01', '2026-12-07', 366],
  FetchMaxNotANumber: ['many'],
  FetchEndpointNotUrl: ['HF_ENDPOINT', 'huggingface.co', 'https://huggingface.co'],
  FetchNeedsQuery: [],
  FetchFailed: [
    'fetch hf 2026-12-05',
    'https://huggingface.co/api/daily_papers?date=2026-12-05&limit=100',
    '503 Service Unavailable',
    4,
    'that day',
  ],
  FetchRefused: [
    'fetch hf 2026-12-05',
    'https://huggingface.co/api/daily_papers?date=2026-12-05&limit=100',
    '404 Not Found',
    'that day',
    'the day and HF_ENDPOINT',
  ],
  ArxivQueryRejected: ['cat:', 'incorrect search_query'],
  FetchFileNotOurs: ['fetch hf 2026-12-05', 'content/sources/hf-daily-papers-2026-12-05.json'],
  FetchDayEmpty: ['2026-12-05'],
  FetchDayShrunk: ['2026-12-05', 2, 'content/sources/hf-daily-papers-2026-12-05.json'],
  ArxivNothingFound: ['cat:cs.LG'],
  FetchExtraArgument: ['hf', '2026-12-05'],
  InitNeedsFolder: [],
  InitFolderNotEmpty: ['my-shelf', 'notes.txt'],
  InitFolderIsFile: ['my-shelf'],
  InitTitleNotOneLine: [],
};

const entries = Object.entries(catalogue) as [keyof Catalogue, Catalogue[keyof Catalogue]][];
/** Says `key`'s entry with its example. */
const say = (key: keyof Catalogue): string =>
  (messageLine as (entry: unknown, ...params: unknown[]) => string)(catalogue[key], ...EXAMPLES[key]);
/** The entry's message or hint, said with the example. */
const part = (key: keyof Catalogue, which: 'message' | 'hint'): string => {
  const value: unknown = catalogue[key][which];
  return typeof value === 'function' ? String((value as (...params: unknown[]) => unknown)(...EXAMPLES[key])) : String(value);
};

describe('the catalogue of command messages', () => {
  it('has entries, each named by its key', () => {
    expect(entries.length).toBeGreaterThan(0);
    for (const [key, entry] of entries) expect(entry.name, key).toBe(key);
  });

  it('gives every entry a message without a closing period and a hint', () => {
    for (const [key] of entries) {
      const message = part(key, 'message');
      expect(message.trim(), key).not.toBe('');
      expect(message, key).not.toMatch(/\.$/);
      expect(message, key).toBe(message.trim());
      expect(part(key, 'hint').trim(), key).not.toBe('');
    }
  });

  it('says each entry in one line', () => {
    for (const [key] of entries) expect(say(key), key).not.toMatch(/[\n\r]/);
  });

  it('joins message and hint as the command always printed them', () => {
    expect(messageLine(catalogue.NothingBuilt, 'dist')).toBe(
      'Nothing was built; dist is unchanged. Fix the entries above, or pass --skip-invalid.',
    );
    expect(messageLine(catalogue.NothingBuiltNotes, 'dist')).toBe('Nothing was built; dist is unchanged. Fix the notes above.');
    expect(messageLine(catalogue.UnknownCommand, 'frobnicate')).toBe('unknown command `frobnicate` (papershelf --help lists the commands)');
    expect(messageLine(catalogue.DateNotADay, '2025-3-1')).toBe('--date: `2025-3-1` is not a day as YYYY-MM-DD');
    expect(messageLine(catalogue.UnknownFormat, 'yaml', ['jsonl', 'bibtex'])).toBe('--format: `yaml` is not one of jsonl, bibtex');
    expect(messageLine(catalogue.PortNotANumber, 'x')).toBe('--port: `x` is not a port number');
    expect(messageLine(catalogue.CheckNeedsSource)).toBe('check: name at least one source file');
    expect(say('FetchFailed')).toBe(
      'fetch hf 2026-12-05: https://huggingface.co/api/daily_papers?date=2026-12-05&limit=100: 503 Service Unavailable after 4 tries; nothing written for that day — try again later',
    );
    expect(say('InUse')).toBe(
      'dist is in use: papershelf (pid 4242, since 2025-03-19T10:00:00.000Z) is building dist. This run changed nothing; run it again once that one has finished (if none is running, delete .dist.papershelf-lock).',
    );
    expect(say('OutputNotOurs')).toBe(
      '--out: `thesis` holds files Papershelf did not make (`.git`, `chapter1.tex`, `chapter2.tex` and 2 more); it writes only into a new or empty folder, or one it built. Name another folder, or empty this one yourself',
    );
  });

  it('makes the errors a command stops with', () => {
    const mistake = userError(catalogue.ReportNotFile, 'reports');
    expect(mistake).toBeInstanceOf(UserError);
    expect(mistake.message).toBe('--report: `reports` is not a file; name a new file for the report, e.g. `report.json`');
    const failure = runError(catalogue.InUseByAnotherRun, 'dist', 'lock');
    expect(failure).toBeInstanceOf(RunError);
    expect(failure.message).toMatch(/^dist is in use: another papershelf run holds it\. This run changed nothing; /);
  });
});

/** Every `.ts` file under `dir`, as a path from the project root. */
const tsFilesUnder = (dir: string, deep: boolean): string[] =>
  readdirSync(join(root, dir), { recursive: deep, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));

/** The files whose command messages all come from the catalogue. */
const SPEAKERS = [
  ...tsFilesUnder('src/cli', false),
  ...tsFilesUnder('src/settings', false),
  ...tsFilesUnder('src/serve', true),
  ...tsFilesUnder('src/fetch', false),
  ...tsFilesUnder('src/init', false),
  'src/build/publish/output-folder.ts',
  'src/build/publish/build-target.ts',
  'src/fs/hold-lock.ts',
  'src/ingest/ingest-project.ts',
];

describe('the files that stop a command', () => {
  it('are where they were', () => {
    expect(SPEAKERS.filter((file) => file.startsWith('src/cli/')).length).toBeGreaterThan(0);
    expect(SPEAKERS.filter((file) => file.startsWith('src/serve/')).length).toBeGreaterThan(0);
    for (const file of SPEAKERS) expect(() => readFileSync(join(root, file)), file).not.toThrow();
  });

  it('give UserError and RunError a catalogue entry, never a string of their own', () => {
    const names = new Set(Object.keys(catalogue));
    const found: string[] = [];
    for (const file of SPEAKERS) {
      const text = readFileSync(join(root, file), 'utf8');
      // `new UserError(…)` with anything but an entry, and the helpers with a literal instead of one.
      for (const match of text.matchAll(/\bnew\s+(UserError|RunError)\s*\(\s*([^,)\s]*)/g)) {
        if (!names.has(match[2]!)) found.push(`${file}: new ${match[1]}(${match[2]}…`);
      }
      for (const match of text.matchAll(/\b(userError|runError|messageLine)\s*\(\s*([`'"{[])/g)) {
        found.push(`${file}: ${match[1]}(${match[2]}…`);
      }
    }
    expect(found).toEqual([]);
  });
});
