/**
 * Every task the worker pool runs, by name. Each is imported only when a thread (or this one,
 * for a small job) first runs it, so a thread loads its own task's modules and no others, and
 * the compiler checks every name, path and type.
 */
export const WORKER_TASKS = {
  /** An ingest's paper files: entries enriched and their MDX written (src/ingest/emit/). */
  emit: () => import('../../ingest/emit/emit-papers.ts').then((module) => module.emitPaperFiles),
  /** Paper files read back and checked against the schema (src/site/archive/). */
  read: () => import('../../site/archive/parse-paper-files.ts').then((module) => module.parsePaperFiles),
  /** Every paper's related papers (src/site/related/). */
  related: () => import('../../site/related/related-papers.ts').then((module) => module.relatedOfArchive),
  /** Link-preview cards drawn (src/build/cards/). */
  cards: () => import('../cards/write-card-files.ts').then((module) => module.writeCardFiles),
  /** Built pages checked for foreign markup (src/build/guard/). */
  guard: () => import('../guard/check-pages.ts').then((module) => module.checkPages),
  /** Search bundle files gzipped again (src/build/search/). */
  recompress: () => import('../search/recompress-files.ts').then((module) => module.recompressFiles),
  /** Built files digested for the offline list (src/build/offline/). */
  digest: () => import('../offline/digest-files.ts').then((module) => module.digestFiles),
  /** Built files' links checked (src/links/). */
  links: () => import('../../links/check-link-files.ts').then((module) => module.checkLinkFiles),
} as const;

/** The name of a task. */
export type TaskName = keyof typeof WORKER_TASKS;

/** A task: the answers for a chunk of items, in the same order, given what every chunk shares. */
export type TaskOf<Name extends TaskName> = Awaited<ReturnType<(typeof WORKER_TASKS)[Name]>>;
