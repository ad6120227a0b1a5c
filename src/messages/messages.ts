/**
 * The catalogue of what the `papershelf` command says when it stops or warns a user to act:
 * mistakes in the command (an unknown option, an output folder it may not touch: `UserError`,
 * exit 2), runs that could not finish for a reason outside the command (a folder another run
 * holds: `RunError`, exit 1), and the other one-line notices of that kind it prints (nothing was
 * built; `serve` could not send a file). Each entry has a `name` (its key), a `message` saying
 * what is wrong (a function of its parameters when it has any; no closing period) and a `hint`
 * saying what to do, printed as one line by `messageLine` / `userError` / `runError` in
 * message.ts: the message, the entry's `joiner` (`; ` unless it says otherwise), the hint.
 * Other tools and the tests match these lines, so a change of wording is a change of contract.
 *
 * What does not belong here: problems found in sources — an entry, a field, a note — which are
 * printed as `<file>:<line>: <field>: <reason>` (`Problem` and `formatProblem` in errors.ts,
 * made by the parsers in src/ingest/parse/ and the steps after them); and defects, plain
 * `Error`s that keep their stack trace.
 */
export * from './catalogue/command-line.ts';
export * from './catalogue/settings.ts';
export * from './catalogue/destination.ts';
export * from './catalogue/fetch.ts';
export * from './catalogue/init.ts';
