/**
 * Prepared BibTeX entries read by @retorquere/bibtex-parser: each alone, or, when its
 * `crossref` names another entry of the file, in one call with the entries it inherits from,
 * so the library applies BibLaTeX's inheritance as it does for a whole file. One call reads
 * at most `CROSSREF_BATCH` such children (the library's work grows with the square of the
 * entries it reads at once), and parents longer than `MAX_PARENTS_CHARS` in all are not read
 * again for their children: nothing is inherited from them, with a warning. Linear in the
 * entries' text: a parent is read once per batch of children.
 */
import { parse, type Entry as BibEntry } from '@retorquere/bibtex-parser';
import { lineStarts } from './text-position.ts';

/** The most children read with their parents in one call. */
export const CROSSREF_BATCH = 256;
/** The longest parents (their text together) read again with their children. */
export const MAX_PARENTS_CHARS = 100_000;
/** The longest chain of parents followed. */
const MAX_GENERATIONS = 8;

const LIBRARY_OPTIONS = { caseProtection: false, sentenceCase: false, english: false, unsupported: 'ignore' } as const;

/** An entry ready for the library (see prepare-bibtex-entry.ts). */
export interface Member {
  /** Where the entry starts in the protected text. */
  readonly start: number;
  readonly source: string;
  readonly strings: Readonly<Record<string, string>>;
  /** Its citation key, and the key its `crossref` field names (`''` for none). */
  readonly key: string;
  readonly crossref: string;
}

/** A message of the library about one entry; `at` turns its `at line L, column C` into an offset in the protected text. */
export interface LibraryMessage {
  readonly severity: 'error' | 'warning';
  readonly message: string;
  readonly at: (line: number, column: number) => number;
}

/** What the library made of one entry: the entry (null when it could not convert it), its messages, and a warning of ours. */
export interface MemberResult {
  entry: BibEntry | null;
  readonly messages: LibraryMessage[];
  warning: string | null;
}

/** Reads every member; the results are in the members' order. */
export function readEntries(members: readonly Member[]): MemberResult[] {
  const results: MemberResult[] = members.map(() => ({ entry: null, messages: [], warning: null }));
  // As the library: a key defined twice means the later entry.
  const byKey = new Map<string, number>();
  members.forEach((member, index) => member.key !== '' && byKey.set(member.key.toUpperCase(), index));
  const parentsOf = (index: number): number[] => {
    const chain: number[] = [];
    for (let next = members[index]!.crossref; next !== '' && chain.length < MAX_GENERATIONS;) {
      const parent = byKey.get(next.toUpperCase());
      if (parent === undefined || parent === index || chain.includes(parent)) break;
      chain.push(parent);
      next = members[parent]!.crossref;
    }
    return chain;
  };

  // 1. Children grouped by their chain of parents; everything else read alone.
  const families = new Map<string, { parents: number[]; children: number[] }>();
  members.forEach((_, index) => {
    const parents = parentsOf(index);
    const length = parents.reduce((sum, parent) => sum + members[parent]!.source.length, 0);
    if (parents.length > 0 && length <= MAX_PARENTS_CHARS) {
      const id = parents.join(',');
      const family = families.get(id) ?? { parents, children: [] };
      family.children.push(index);
      families.set(id, family);
      return;
    }
    if (parents.length > 0)
      results[index]!.warning =
        `the entries its crossref names are over ${MAX_PARENTS_CHARS} characters long; nothing is inherited from them`;
    readTogether(members, results, [index], []);
  });
  // 2. Each family, its children in batches. The library takes one value for each @string in
  //    a call, so a child whose @strings mean something else than its parents' (a string
  //    redefined between them) is read alone, and one that differs from its batch starts another.
  for (const { parents, children } of families.values()) {
    const inherited = new Map<string, string>();
    const parentsAgree = parents.every((parent) => agrees(members[parent]!.strings, inherited) && add(inherited, members[parent]!.strings));
    let batch: number[] = [];
    let used = new Map(inherited);
    for (const child of children) {
      const { strings } = members[child]!;
      if (!parentsAgree || !agrees(strings, inherited)) {
        results[child]!.warning = 'its @strings mean something else where the entries its crossref names use them; nothing is inherited';
        readTogether(members, results, [child], []);
        continue;
      }
      if (batch.length === CROSSREF_BATCH || !agrees(strings, used)) {
        readTogether(members, results, batch, parents);
        batch = [];
        used = new Map(inherited);
      }
      batch.push(child);
      add(used, strings);
    }
    if (batch.length > 0) readTogether(members, results, batch, parents);
  }
  return results;
}

/** True when every @string of `strings` has the same value in `known` (or is not in it). */
const agrees = (strings: Readonly<Record<string, string>>, known: ReadonlyMap<string, string>) =>
  Object.entries(strings).every(([name, value]) => (known.get(name) ?? value) === value);

/** Adds `strings` to `known`; true, for use in a condition. */
function add(known: Map<string, string>, strings: Readonly<Record<string, string>>): true {
  for (const [name, value] of Object.entries(strings)) known.set(name, value);
  return true;
}

/** One call of the library on `children` and their `parents` (in file order); only the children's results are used. */
function readTogether(members: readonly Member[], results: MemberResult[], children: readonly number[], parents: readonly number[]): void {
  const all = [...children, ...parents].sort((a, b) => members[a]!.start - members[b]!.start);
  const segments: { from: number; start: number }[] = [];
  let source = '';
  for (const index of all) {
    segments.push({ from: source.length, start: members[index]!.start });
    source += `${members[index]!.source}\n`;
  }
  const starts = lineStarts(source);
  const at = (line: number, column: number) => {
    const offset = (starts[line - 1] ?? 0) + column - 1;
    const segment = segments.findLast((candidate) => candidate.from <= offset) ?? segments[0]!;
    return segment.start + offset - segment.from;
  };
  const childInput = new Map<string, number[]>();
  for (const child of children) {
    const input = members[child]!.source.trim();
    childInput.set(input, [...(childInput.get(input) ?? []), child]);
  }
  const parentInputs = new Set(parents.map((parent) => members[parent]!.source.trim()));
  const byKey = new Map(children.map((child) => [members[child]!.key.toLowerCase(), child]));
  let library: ReturnType<typeof parse>;
  try {
    library = parse(source, {
      ...LIBRARY_OPTIONS,
      strings: Object.assign({}, ...all.map((index) => members[index]!.strings)) as Record<string, string>,
    });
  } catch (error) {
    // The library's own limits (stack depth): these entries are lost, not the file.
    const message = `cannot be read (${error instanceof Error ? error.message.slice(0, 200) : String(error)})`;
    for (const child of children) results[child]!.messages.push({ severity: 'error', message, at });
    return;
  }
  const unclaimed = new Map([...childInput].map(([input, list]) => [input, [...list]]));
  for (const entry of library.entries) {
    const child = unclaimed.get(entry.input)?.shift();
    if (child !== undefined) results[child]!.entry = entry;
  }
  for (const error of library.errors) {
    // The entry could not be converted (its LaTeX): the error names it by its text. Otherwise
    // it was read with a repair (a name with too many commas), named by its key when at all.
    const input = error.input?.startsWith('@') ? error.input : undefined;
    if (input !== undefined && parentInputs.has(input) && !childInput.has(input)) continue;
    const key = /^@([^:\s]*):/.exec(error.error)?.[1]?.toLowerCase();
    const child =
      input !== undefined
        ? childInput.get(input)?.[0]
        : key !== undefined
          ? byKey.get(key)
          : parents.length === 0
            ? children[0]
            : undefined;
    if (child !== undefined)
      results[child]!.messages.push({ severity: input !== undefined ? 'error' : 'warning', message: error.error, at });
  }
}
