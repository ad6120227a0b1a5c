/** What is said of where a run writes: the output folder, the zip, a folder another run holds, and `serve` as it goes (src/build/publish/, src/fs/hold-lock.ts, src/serve/). */
import { dirname, join } from 'node:path';
import { displayPath, quote } from '../errors.ts';
import type { Message } from '../message.ts';

/** A few names, for a message: `a`, `b`, `c` and 2 more. */
const few = (names: readonly string[]): string =>
  `${names
    .slice(0, 3)
    .map((name) => quote(name))
    .join(', ')}${names.length > 3 ? ` and ${names.length - 3} more` : ''}`;

// Where a build writes: `--out` (named by `flag`) and `--zip` (src/build/publish/).

/** The hint for an output folder that holds what the user works in. */
const elsewhere = (_flag: string, out: string) => `name a new folder for the archive, e.g. ${quote(join(out, 'site'))}`;

/** The hint for a folder holding files a build did not make; `earlier` names an archive an earlier Papershelf built. */
const notOursHint = (earlier: string) =>
  `it writes only into a new or empty folder, or one it built${earlier}. Name another folder, or empty this one yourself`;

/** `--out` names a file. */
export const OutputIsFile = {
  name: 'OutputIsFile',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} is a file, not a folder`,
  hint: (_flag, out) => `Papershelf never replaces it; name a folder for the archive, e.g. ${quote(`${out.replace(/[/\\]+$/, '')}-site`)}`,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names the root of the file system. */
export const OutputIsRoot = {
  name: 'OutputIsRoot',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} is the root of the file system`,
  hint: elsewhere,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names the home folder. */
export const OutputIsHome = {
  name: 'OutputIsHome',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} is your home folder`,
  hint: elsewhere,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names a folder above the home folder. */
export const OutputHoldsHome = {
  name: 'OutputHoldsHome',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} holds your home folder`,
  hint: elsewhere,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names the working folder. */
export const OutputIsWorkingFolder = {
  name: 'OutputIsWorkingFolder',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} is the folder you are working in`,
  hint: elsewhere,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names a folder above the working folder. */
export const OutputHoldsWorkingFolder = {
  name: 'OutputHoldsWorkingFolder',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} holds the folder you are working in`,
  hint: elsewhere,
} satisfies Message<[flag: string, out: string]>;

/** `--out` names the project or a folder above it. */
export const OutputHoldsProject = {
  name: 'OutputHoldsProject',
  message: (flag: string, out: string) => `${flag}: ${quote(out)} holds this Papershelf project`,
  hint: 'name a folder inside it, e.g. `dist`',
} satisfies Message<[flag: string, out: string]>;

/** `--out` names the content folder `content`, or a folder that holds it. */
export const OutputIsContent = {
  name: 'OutputIsContent',
  message: (flag: string, out: string, content: string) => `${flag}: ${quote(out)} is the content folder ${quote(displayPath(content))}`,
  hint: 'name a folder outside it, e.g. `dist`',
} satisfies Message<[flag: string, out: string, content: string]>;

/** `--out` names a folder inside the content folder `content`. */
export const OutputInsideContent = {
  name: 'OutputInsideContent',
  message: (flag: string, out: string, content: string) =>
    `${flag}: ${quote(out)} is inside the content folder ${quote(displayPath(content))}`,
  hint: 'name a folder outside it, e.g. `dist`',
} satisfies Message<[flag: string, out: string, content: string]>;

/** `--out` names a folder inside one of the project's own (`src/`, `public/`, …), `part`. */
export const OutputInsideProjectFolder = {
  name: 'OutputInsideProjectFolder',
  message: (flag: string, out: string, part: string) => `${flag}: ${quote(out)} is inside the project's ${part}/ folder`,
  hint: 'name a folder of its own, e.g. `dist`',
} satisfies Message<[flag: string, out: string, part: string]>;

/** `--out` names a folder that holds `source`, a source of this build. */
export const OutputHoldsSource = {
  name: 'OutputHoldsSource',
  message: (flag: string, out: string, source: string) => `${flag}: ${quote(out)} holds the source ${quote(displayPath(source))}`,
  hint: (_flag, out) => `the archive replaces its folder whole, so build into a new folder, e.g. ${quote(join(dirname(out), 'site'))}`,
} satisfies Message<[flag: string, out: string, source: string]>;

/** `--out` names a folder that holds files Papershelf did not make (`found`, sorted). */
export const OutputNotOurs = {
  name: 'OutputNotOurs',
  message: (flag: string, out: string, found: readonly string[]) =>
    `${flag}: ${quote(out)} holds files Papershelf did not make (${few(found)})`,
  hint: notOursHint(''),
} satisfies Message<[flag: string, out: string, found: readonly string[]]>;

/** `--out` names what looks like an archive built by a Papershelf from before the marker (`found`: its files, sorted). */
export const OutputUnmarkedArchive = {
  name: 'OutputUnmarkedArchive',
  message: (flag: string, out: string, found: readonly string[]) =>
    `${flag}: ${quote(out)} holds files Papershelf did not make (${few(found)})`,
  hint: notOursHint(' (an archive built by an earlier Papershelf has no marker: delete it once and build again)'),
} satisfies Message<[flag: string, out: string, found: readonly string[]]>;

/** `--out` names an archive an earlier build made, with files it did not make (`foreign`, sorted) beside it. */
export const OutputHasForeignFiles = {
  name: 'OutputHasForeignFiles',
  message: (flag: string, out: string, foreign: readonly string[]) =>
    `${flag}: ${quote(out)} holds files Papershelf did not make (${few(foreign)}) beside the archive it built`,
  hint: 'the next build would replace the folder whole; move them out of it first',
} satisfies Message<[flag: string, out: string, foreign: readonly string[]]>;

/** `--zip` names a source of this build. */
export const ZipIsSource = {
  name: 'ZipIsSource',
  message: (zip: string) => `--zip: ${quote(zip)} is a source of this build`,
  hint: 'name a new file, e.g. `archive.zip`',
} satisfies Message<[zip: string]>;

/** `--zip` names a folder. */
export const ZipIsFolder = {
  name: 'ZipIsFolder',
  message: (zip: string) => `--zip: ${quote(zip)} is a folder`,
  hint: (zip) => `name the zip file to write, e.g. ${quote(join(zip, 'archive.zip'))}`,
} satisfies Message<[zip: string]>;

/** `--zip` names a file that is not a zip an earlier build wrote. */
export const ZipNotOurs = {
  name: 'ZipNotOurs',
  message: (zip: string) => `--zip: ${quote(zip)} is a file Papershelf did not make`,
  hint: 'it replaces only zips it wrote. Name a new file, or move that one away',
} satisfies Message<[zip: string]>;

// Runs that wait for no one: one at a time on a folder (src/fs/hold-lock.ts).

/** The hint for a folder another run holds: `lock` is the lock file. */
const inUseHint = (_what: string, lock: string) =>
  `This run changed nothing; run it again once that one has finished (if none is running, delete ${lock}).`;

/**
 * `what` is held by another papershelf run: process `pid` (on the machine `host`, undefined
 * when it is this one) since `since`, `doing` something ("building dist").
 */
export const InUse = {
  name: 'InUse',
  message: (what: string, _lock: string, pid: number, host: string | undefined, since: string, doing: string) =>
    `${what} is in use: papershelf (pid ${pid}${host === undefined ? '' : ` on ${host}`}, since ${since}) is ${doing}`,
  hint: inUseHint,
  joiner: '. ',
} satisfies Message<[what: string, lock: string, pid: number, host: string | undefined, since: string, doing: string]>;

/** `what` is held by another papershelf run whose lock does not (yet) say which. */
export const InUseByAnotherRun = {
  name: 'InUseByAnotherRun',
  message: (what: string) => `${what} is in use: another papershelf run holds it`,
  hint: inUseHint,
  joiner: '. ',
} satisfies Message<[what: string, lock: string]>;

// `papershelf serve`, once it listens: told on standard error, and it goes on (src/serve/).

/** The server met an error of its own (too many open files to accept a connection); `error` is its message. */
export const ServerError = {
  name: 'ServerError',
  message: (error: string) => `papershelf serve: ${error}`,
  hint: 'The server goes on; restart it if this repeats.',
  joiner: '. ',
} satisfies Message<[error: string]>;

/** A file of the archive could not be sent for the request `url`; `error` is why. */
export const CouldNotSend = {
  name: 'CouldNotSend',
  message: (url: string, error: string) => `papershelf serve: could not send \`${url}\`: ${error}`,
  hint: 'Check that the archive folder is readable, or rebuild it.',
  joiner: '. ',
} satisfies Message<[url: string, error: string]>;
