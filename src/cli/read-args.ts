/**
 * The command line, read strictly but explained kindly: Node's `parseArgs` finds the options,
 * and every mistake becomes one line that says what was wrong and the nearest valid spelling
 * (`--outt` → "did you mean --out?"), instead of Node's own wording.
 */
import { parseArgs } from 'node:util';
import { userError } from '../messages/message.ts';
import { OptionNeedsValue, SwitchTakesNoValue, UnknownOption } from '../messages/messages.ts';
import { nearestWord } from './nearest-word.ts';

/** Options as `parseArgs` declares them. */
type Options = Readonly<Record<string, { readonly type: 'string' | 'boolean'; readonly short?: string }>>;

/** The options' values, by name. */
export type Values<O extends Options> = { -readonly [K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean };

/** Reads `argv` against `options`; throws a `UserError` for an unknown option, a missing value, or a value given to a switch. */
export function readArgs<O extends Options>(argv: readonly string[], options: O): { values: Values<O>; positionals: string[] } {
  const { tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const values: Record<string, string | boolean> = {};
  const positionals: string[] = [];
  const names = Object.keys(options);
  for (const token of tokens) {
    if (token.kind === 'positional') positionals.push(token.value);
    if (token.kind !== 'option') continue;
    const option = options[token.name];
    if (!option) {
      const near = nearestWord(token.name, names);
      throw userError(UnknownOption, token.rawName, near);
    }
    if (option.type === 'string') {
      if (token.value === undefined) throw userError(OptionNeedsValue, token.name, EXAMPLES[token.name] ?? '…');
      values[token.name] = token.value;
    } else {
      if (token.inlineValue) throw userError(SwitchTakesNoValue, token.name);
      values[token.name] = true;
    }
  }
  return { values: values as Values<O>, positionals };
}

/** What each option's value looks like, for the hint. */
const EXAMPLES: Readonly<Record<string, string>> = {
  out: 'dist',
  zip: 'shelf.zip',
  date: '2025-03-19',
  format: 'jsonl',
  report: 'report.json',
  port: '4321',
  site: 'https://example.org',
  base: '/papershelf/',
  from: '2026-12-01',
  to: '2026-12-07',
  query: '"cat:cs.LG"',
  since: '2026-12-01',
  max: '200',
  'arxiv-endpoint': 'https://export.arxiv.org/api/query',
};
