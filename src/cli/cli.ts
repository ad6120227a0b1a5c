/**
 * The `papershelf` command. Its output is a contract other tools rely on: problems go to
 * standard error as `<file>:<line>: <field>: <reason>`, one summary line goes to standard
 * output (after, for `build`, one line saying what was built), and the exit code is 0 on success, 1 when entries were invalid or a step failed,
 * 2 for a mistake in the command itself.
 */
import { readFile, stat } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { exists } from '../fs/exists.ts';
import { isIsoDay } from '../schema/paper.ts';
import { collectEntries, hasErrors, printProblems, type Collected } from '../ingest/collect-entries.ts';
import type { WriteSummary } from '../ingest/emit/write-papers.ts';
import { explainError } from './explain-error.ts';
import { nearestWord } from './nearest-word.ts';
import { NotesError } from '../notes/note-problems.ts';
import { readArgs } from './read-args.ts';
import { initArchive } from '../init/init-archive.ts';
import { UserError } from '../messages/errors.ts';
import { messageLine, userError } from '../messages/message.ts';
import {
  BuildNeedsOut,
  CheckLinksFolderMissing,
  CheckLinksNeedsFolder,
  CheckNeedsSource,
  DateNeedsSource,
  DateNotADay,
  InitNeedsFolder,
  NoArchiveToServe,
  NothingBuilt,
  NothingBuiltNotes,
  PortNotANumber,
  ReportIsSource,
  ReportNotFile,
  ReportNotOurs,
  SourceIsFolder,
  SourceNotFound,
  UnknownCommand,
  UnknownFormat,
} from '../messages/messages.ts';
import { FORMATS, type Format } from '../ingest/parse/detect-format.ts';
import { buildLine, summarize, summaryLine, writeReport } from './report.ts';
import { stageTimes } from '../build/stage-clock.ts';
import { loadSettings } from '../settings/settings.ts';
import { build, type BuildOutcome, type BuildStats } from '../build/build.ts';
import { ingestProject, withContentLock } from '../ingest/ingest-project.ts';
import { serveArchive } from '../serve/serve-archive.ts';
import { startDevServer } from '../dev/start-dev-server.ts';
import { checkLinks } from '../links/check-links.ts';
import { brokenLinkLines, linkSummary } from '../links/link-report.ts';
import { fetchCommand } from '../fetch/fetch-command.ts';

const USAGE = `Usage:
  papershelf init <dir> [--title "…"]
      Start a new archive in <dir>: a config file, content/sources/, the taxonomies to edit,
      a package.json, and a GitHub workflow that fetches, builds and publishes every day.
  papershelf build [source…] --out <dir> [--site URL] [--base /path/] [--portable] [--zip <file>] [--date YYYY-MM-DD] [--format F] [--skip-invalid]
      Build a complete archive of exactly these sources into <dir>, search included; with no
      sources, ingest content/sources/ into content/ and build that. Built again into the same
      <dir>, only what changed is rendered and indexed again.
      --portable makes it work opened from disk, --zip also writes it as a zip.
  papershelf ingest [source…] [--date YYYY-MM-DD] [--format F] [--skip-invalid]
      Add or update content/papers/ from content/sources/ and the given sources.
  papershelf check <source…> [--date YYYY-MM-DD] [--format F]
      Validate sources without writing anything.
  papershelf serve [dir] [--port N] [--base /path/]
      Serve a built archive (default dist/) on 127.0.0.1, under the base it was built for.
  papershelf dev [--port N] [--site URL] [--base /path/]
      Start Astro's dev server on the content folder: pages render as they are asked for, and
      search works, its index made again whenever a paper changes. Ctrl-C stops it.
  papershelf check-links <dir> [--site URL] [--base /path/]
      Check that every link of a built archive to itself leads to a file (and to an element,
      for a #fragment), and that its feeds and sitemaps point into the site. Exit 1 when not.
  papershelf fetch hf [--date YYYY-MM-DD | --from YYYY-MM-DD [--to YYYY-MM-DD]]
      Fetch Hugging Face daily papers into content/sources/, one file a day (default: the days
      after the last one fetched, through today in UTC). $HF_ENDPOINT names another server.
  papershelf fetch arxiv [--query Q] [--since YYYY-MM-DD] [--max N] [--arxiv-endpoint URL]
      Fetch the newest entries of an arXiv API query into one new file in content/sources/
      (default: each query of the config file), one request every 3 seconds.

Options:
  --out <dir>        where build writes the archive (replaced only when the build succeeds)
  --portable         make the archive work opened from disk (file://), with no server
  --zip <file>       also write the portable archive as a zip (implies --portable; --out optional)
  --date YYYY-MM-DD  the listing day of the sources named with it (kept for later runs); else a YYYY-MM-DD in a file name
  --format F         force a format instead of detecting it: ${FORMATS.join(', ')}
  --skip-invalid     build the valid entries, report the others, exit 0
  --report <file>    also write the summary and every problem as JSON
  --title "…"        the site's title, for init (later: papershelf.config.mjs)
  --port N           the port serve and dev listen on (default 4321; 0 picks a free one)
  --site URL         the public origin, e.g. https://example.org (default $PAPERSHELF_SITE, else papershelf.config.mjs's, else http://localhost:4321)
  --base /path/      the path the archive is served under, e.g. /papershelf/ (default $PAPERSHELF_BASE, else papershelf.config.mjs's, else /)
  --from, --to       fetch hf: the first and last day to fetch (--to defaults to today)
  --query Q          fetch arxiv: the search query, e.g. "cat:cs.LG"
  --since YYYY-MM-DD fetch arxiv: stop at the first entry published before this day
  --max N            fetch arxiv: the most entries a query brings (default 200, or the config file's)
  --arxiv-endpoint U fetch arxiv: the API address (default https://export.arxiv.org/api/query)
  --verbose          show Astro's build progress
  -h, --help         show this help`;

const OPTIONS = {
  out: { type: 'string' },
  portable: { type: 'boolean' },
  zip: { type: 'string' },
  date: { type: 'string' },
  format: { type: 'string' },
  'skip-invalid': { type: 'boolean' },
  report: { type: 'string' },
  port: { type: 'string' },
  site: { type: 'string' },
  base: { type: 'string' },
  verbose: { type: 'boolean' },
  title: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  query: { type: 'string' },
  since: { type: 'string' },
  max: { type: 'string' },
  'arxiv-endpoint': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

const COMMANDS = ['init', 'build', 'ingest', 'check', 'serve', 'dev', 'check-links', 'fetch'];

/**
 * Checks that every source named on the command line is a file that can be read: a missing one
 * is a mistake in the command, whatever the other flags (`--skip-invalid` skips invalid
 * entries, not files).
 */
async function checkSourcesExist(command: string, sources: readonly string[]): Promise<void> {
  for (const source of sources) {
    const found = await stat(source).catch(() => null);
    if (!found) throw userError(SourceNotFound, command, source, process.cwd());
    if (found.isDirectory()) throw userError(SourceIsFolder, command, source);
  }
}

/**
 * Checks that `--report` names a file the run may write: a new one, or a report an earlier run
 * wrote; never a source, a folder, or another file.
 */
async function checkReport(report: string, sources: readonly string[]): Promise<void> {
  const target = resolve(report);
  if (sources.some((source) => resolve(source) === target)) throw userError(ReportIsSource, report);
  const found = await stat(target).catch(() => null);
  if (!found) return;
  if (!found.isFile()) throw userError(ReportNotFile, report);
  const earlier = await readFile(target, 'utf8').then(
    (text) => JSON.parse(text) as Record<string, unknown>,
    () => null,
  );
  if (!earlier || typeof earlier['command'] !== 'string' || !('summary' in earlier) || !Array.isArray(earlier['problems']))
    throw userError(ReportNotOurs, report);
}

async function main(argv: readonly string[]): Promise<number> {
  const { values, positionals } = readArgs(argv, OPTIONS);
  const [command, ...sources] = positionals;
  if (values.help || !command) {
    process.stdout.write(`${USAGE}\n`);
    return command || values.help ? 0 : 2;
  }
  if (!COMMANDS.includes(command)) {
    const near = nearestWord(command, COMMANDS);
    throw userError(UnknownCommand, command, near);
  }
  if (values.report !== undefined) await checkReport(values.report, sources);
  if (values.date !== undefined && !isIsoDay(values.date)) throw userError(DateNotADay, values.date);
  if (values.date !== undefined && sources.length === 0 && (command === 'build' || command === 'ingest'))
    throw userError(DateNeedsSource, command);
  // A new archive has no settings yet: the config file of the folder it is started from is not read.
  if (command === 'init') {
    const [dir, ...extra] = sources;
    if (dir === undefined || extra.length > 0) throw userError(InitNeedsFolder);
    const written = await initArchive(dir, values.title);
    process.stdout.write(
      `Started an archive in ${dir} (${written.length} files). Next:\n  cd ${dir}\n  npm install\n  npx papershelf fetch hf\n  npx papershelf build --out dist\n`,
    );
    return 0;
  }
  if (values.format !== undefined && !FORMATS.includes(values.format as Format)) throw userError(UnknownFormat, values.format, FORMATS);
  // The settings of this run, read once: flags, then the environment, then papershelf.config.mjs, then the defaults.
  const settings = await loadSettings(values);
  /** Prints the problems and the summary line, and writes the JSON report when asked for. */
  const finish = async (collected: Collected, written: WriteSummary | null, built: BuildStats | null = null) => {
    printProblems(collected.problems);
    for (const file of written?.orphanedNotes ?? []) {
      process.stderr.write(`${file}: notes: warning: the paper left the sources; its notes were moved here\n`);
    }
    const summary = summarize(collected, written);
    if (built) process.stdout.write(`${buildLine(values.out ?? values.zip ?? '', built)}\n`);
    process.stdout.write(`${summaryLine(summary)}\n`);
    if (values.report) await writeReport(values.report, command, summary, collected.problems, stageTimes(), built);
  };
  const readOptions = { date: values.date, format: values.format as Format | undefined, skipInvalid: values['skip-invalid'] };

  switch (command) {
    case 'check': {
      if (sources.length === 0) throw userError(CheckNeedsSource);
      await checkSourcesExist(command, sources);
      const collected = await collectEntries(sources, readOptions);
      await finish(collected, null);
      return hasErrors(collected.problems) ? 1 : 0;
    }
    case 'ingest': {
      await checkSourcesExist(command, sources);
      const { collected, written } = await withContentLock(settings.content, () =>
        ingestProject(settings.content, sources, { ...readOptions, taxonomyFile: settings.taxonomies }),
      );
      await finish(collected, written);
      return written ? 0 : 1;
    }
    case 'build': {
      if (!values.out && !values.zip) throw userError(BuildNeedsOut);
      await checkSourcesExist(command, sources);
      let run: BuildOutcome;
      try {
        run = await build({ settings, sources, read: readOptions, out: values.out, zip: values.zip, portable: values.portable });
      } catch (error) {
        if (!(error instanceof NotesError)) throw error;
        printProblems(error.problems);
        process.stderr.write(`${messageLine(NothingBuiltNotes, values.out ?? values.zip ?? '')}\n`);
        return 1;
      }
      const { collected, written, built } = run;
      await finish(collected, written, built);
      if (!written) process.stderr.write(`${messageLine(NothingBuilt, values.out ?? values.zip ?? '')}\n`);
      return written ? 0 : 1;
    }
    case 'serve': {
      const port = Number(values.port ?? 4321);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw userError(PortNotANumber, String(values.port));
      const dir = sources[0] ?? join(settings.root, 'dist');
      if (!(await stat(dir).catch(() => null))?.isDirectory()) throw userError(NoArchiveToServe, dir, sources[0] ?? 'dist');
      const { url } = await serveArchive(dir, { port, base: settings.base });
      process.stdout.write(`Serving ${dir} at ${url} (Ctrl-C stops)\n`);
      await new Promise(() => {});
      return 0;
    }
    case 'dev': {
      const port = Number(values.port ?? 4321);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw userError(PortNotANumber, String(values.port));
      const server = await startDevServer(settings, { port });
      process.stdout.write(`Papershelf dev server at ${server.url} (Ctrl-C stops)\n`);
      const signal = await new Promise<NodeJS.Signals>((stopped) => {
        for (const name of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(name, stopped);
      });
      await server.stop();
      process.stdout.write(`Stopped (${signal})\n`);
      return 0;
    }
    case 'check-links': {
      const [dir, ...extra] = sources;
      if (dir === undefined || extra.length > 0) throw userError(CheckLinksNeedsFolder);
      const { site, base } = settings;
      if (!(await exists(dir))) throw userError(CheckLinksFolderMissing, dir);
      const check = await checkLinks(dir, { origin: site, base });
      for (const line of brokenLinkLines(check.broken, dir)) process.stderr.write(`${line}\n`);
      process.stdout.write(`${linkSummary(check, dir, { origin: site, base })}\n`);
      return check.broken.length > 0 ? 1 : 0;
    }
    case 'fetch':
      return fetchCommand(sources, values, settings);
    default:
      throw userError(UnknownCommand, command);
  }
}

const verbose = process.argv.includes('--verbose');

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`papershelf: ${explainError(error, { verbose })}\n`);
  process.exitCode = error instanceof UserError ? 2 : 1;
}
