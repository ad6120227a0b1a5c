/** What every step of a build is given: the settings, where to read and write, the last build, and the ledger. */
import type { Settings } from '../settings/settings.ts';
import type { Ledger } from './ledger.ts';
import type { BuildRecord } from './render/build-record.ts';

/** The last build of the same destination: its folder and its record. What did not change stays there. */
export interface LastBuild {
  readonly dir: string;
  readonly record: BuildRecord;
}

/** One build's context, made once by the orchestrator (src/build/build.ts). */
export interface BuildContext {
  readonly settings: Settings;
  /** The content folder the archive is built from. */
  readonly content: string;
  /** This archive's private folder, which outlasts each build (Astro's root and cache, the record, the read cache). */
  readonly cache: string;
  /** An empty folder that receives the archive, or with `last`, what changed in it. */
  readonly into: string;
  readonly last: LastBuild | undefined;
  /** The version of the code that renders pages (src/build/render/code-version.ts), in every page's fingerprint. */
  readonly codeVersion: string;
  /** Every file written so far, with its digest. */
  readonly ledger: Ledger;
  /** Pages per Astro process; default `RENDER_SHARD_PAGES` (src/build/render/render-shards.ts). */
  readonly shardSize?: number | undefined;
}
