/** What the command line says of its own mistakes: commands, options, values, and the runs it reports on (src/cli/). */
import { join } from 'node:path';
import { displayPath } from '../errors.ts';
import type { Message } from '../message.ts';

// The command line: its commands, options and values (src/cli/).

/** The command is none of `papershelf`'s; `near` is the nearest one, when one is near. */
export const UnknownCommand = {
  name: 'UnknownCommand',
  message: (command: string, near?: string) => `unknown command \`${command}\`${near ? `; did you mean \`${near}\`?` : ''}`,
  hint: '(papershelf --help lists the commands)',
  joiner: ' ',
} satisfies Message<[command: string, near?: string]>;

/** An option the command does not have, as it was typed; `near` is the nearest name, when one is near. */
export const UnknownOption = {
  name: 'UnknownOption',
  message: (option: string, near?: string) => `unknown option \`${option}\`${near ? `; did you mean \`--${near}\`?` : ''}`,
  hint: '(papershelf --help lists the options)',
  joiner: ' ',
} satisfies Message<[option: string, near?: string]>;

/** An option that takes a value was given none; `example` is what one looks like. */
export const OptionNeedsValue = {
  name: 'OptionNeedsValue',
  message: (option: string) => `\`--${option}\` needs a value`,
  hint: (option, example) => `e.g. \`--${option} ${example}\``,
  joiner: ', ',
} satisfies Message<[option: string, example: string]>;

/** A switch (`--portable`) was given a value (`--portable=yes`). */
export const SwitchTakesNoValue = {
  name: 'SwitchTakesNoValue',
  message: (option: string) => `\`--${option}\` takes no value`,
  hint: 'write it alone',
} satisfies Message<[option: string]>;

/** A source named on the command line does not exist; `cwd` is where relative paths are read from. */
export const SourceNotFound = {
  name: 'SourceNotFound',
  message: (command: string, source: string) => `${command}: \`${source}\`: no such file`,
  hint: (_command, _source, cwd) => `check the path (it is read from ${displayPath(cwd) || '.'})`,
} satisfies Message<[command: string, source: string, cwd: string]>;

/** A source named on the command line is a folder. */
export const SourceIsFolder = {
  name: 'SourceIsFolder',
  message: (command: string, source: string) => `${command}: \`${source}\` is a folder`,
  hint: (_command, source) => `name the source files in it, e.g. \`${join(source, '*.jsonl')}\``,
} satisfies Message<[command: string, source: string]>;

/** `papershelf check` was given no source. */
export const CheckNeedsSource = {
  name: 'CheckNeedsSource',
  message: 'check',
  hint: 'name at least one source file',
  joiner: ': ',
} satisfies Message;

/** `papershelf build` was given neither `--out` nor `--zip`. */
export const BuildNeedsOut = {
  name: 'BuildNeedsOut',
  message: 'build: --out <dir> is required',
  hint: '(or --zip <file>)',
  joiner: ' ',
} satisfies Message;

/** `--report` names a source of this run. */
export const ReportIsSource = {
  name: 'ReportIsSource',
  message: (report: string) => `--report: \`${report}\` is a source of this run`,
  hint: 'name a new file for the report, e.g. `report.json`',
} satisfies Message<[report: string]>;

/** `--report` names a folder, or anything else that is not a file. */
export const ReportNotFile = {
  name: 'ReportNotFile',
  message: (report: string) => `--report: \`${report}\` is not a file`,
  hint: 'name a new file for the report, e.g. `report.json`',
} satisfies Message<[report: string]>;

/** `--report` names a file that is not a report an earlier run wrote. */
export const ReportNotOurs = {
  name: 'ReportNotOurs',
  message: (report: string) => `--report: \`${report}\` is a file Papershelf did not write`,
  hint: 'name a new file for the report, e.g. `report.json`',
} satisfies Message<[report: string]>;

/** `--date` is not a day written `YYYY-MM-DD`. */
export const DateNotADay = {
  name: 'DateNotADay',
  message: (date: string) => `--date: \`${date}\` is not a day`,
  hint: 'as YYYY-MM-DD',
  joiner: ' ',
} satisfies Message<[date: string]>;

/** `--date` with no source named: it dates only the sources named with it. */
export const DateNeedsSource = {
  name: 'DateNeedsSource',
  message: (command: string) => `${command} --date: the day applies only to the sources named with it, and none is named`,
  hint: (command: string) =>
    `name them, e.g. \`papershelf ${command} page.txt --date 2025-03-19\`; a date in a source's file name dates it too`,
} satisfies Message<[command: string]>;

/** `--format` names no format Papershelf reads; `formats` lists those it does. */
export const UnknownFormat = {
  name: 'UnknownFormat',
  message: (format: string) => `--format: \`${format}\` is not`,
  hint: (_format, formats) => `one of ${formats.join(', ')}`,
  joiner: ' ',
} satisfies Message<[format: string, formats: readonly string[]]>;

/** `--port` is not a whole number from 0 to 65535. */
export const PortNotANumber = {
  name: 'PortNotANumber',
  message: (port: string) => `--port: \`${port}\` is not`,
  hint: 'a port number',
  joiner: ' ',
} satisfies Message<[port: string]>;

/** `papershelf serve` was pointed at no folder; `out` is the `--out` that would build one there. */
export const NoArchiveToServe = {
  name: 'NoArchiveToServe',
  message: (dir: string) => `serve: \`${dir}\` is not a built archive folder`,
  hint: (_dir, out) => `build one first (papershelf build --out ${out})`,
} satisfies Message<[dir: string, out: string]>;

/** `papershelf check-links` was given no folder, or more than one. */
export const CheckLinksNeedsFolder = {
  name: 'CheckLinksNeedsFolder',
  message: 'check-links: name one built archive folder',
  hint: 'e.g. `papershelf check-links dist`',
  joiner: ', ',
} satisfies Message;

/** `papershelf check-links` was given a folder that does not exist. */
export const CheckLinksFolderMissing = {
  name: 'CheckLinksFolderMissing',
  message: (dir: string) => `check-links: \`${dir}\` does not exist`,
  hint: (dir) => `build the archive first (papershelf build --out ${dir})`,
} satisfies Message<[dir: string]>;

/** A build stopped at invalid entries (printed above it) and left `out` as it was. */
export const NothingBuilt = {
  name: 'NothingBuilt',
  message: (out: string) => `Nothing was built; ${out} is unchanged`,
  hint: 'Fix the entries above, or pass --skip-invalid.',
  joiner: '. ',
} satisfies Message<[out: string]>;

/** An `astro build` stopped at invalid entries (printed above it) and left `out` as it was; it has no `--skip-invalid`. */
export const NothingBuiltByAstro = {
  name: 'NothingBuiltByAstro',
  message: (out: string) => `Nothing was built; ${out} is unchanged`,
  hint: 'Fix the entries above, or build the valid ones with papershelf build --skip-invalid.',
  joiner: '. ',
} satisfies Message<[out: string]>;

/** A build stopped at notes that cannot be kept (printed above it) and left `out` as it was. */
export const NothingBuiltNotes = {
  name: 'NothingBuiltNotes',
  message: (out: string) => `Nothing was built; ${out} is unchanged`,
  hint: 'Fix the notes above.',
  joiner: '. ',
} satisfies Message<[out: string]>;

/** The port `serve` would listen on is taken. */
export const PortInUse = {
  name: 'PortInUse',
  message: (port: number | undefined, address: string | undefined) => `port ${port} on ${address} is in use`,
  hint: 'stop what uses it, or pick another with --port (--port 0 picks a free one)',
} satisfies Message<[port: number | undefined, address: string | undefined]>;

/** The port `serve` would listen on needs privileges this run does not have. */
export const PortNeedsPrivileges = {
  name: 'PortNeedsPrivileges',
  message: (port: number | undefined) => `may not listen on port ${port}`,
  hint: 'ports below 1024 need privileges: pick another with --port (e.g. 4321)',
} satisfies Message<[port: number | undefined]>;
