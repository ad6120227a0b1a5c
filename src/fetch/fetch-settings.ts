/** What `papershelf fetch` does when the command line does not say: the config file's `fetch` key. */
export interface FetchSettings {
  readonly hf: {
    /** The most days a `fetch hf` without dates catches up on, counting back from today (UTC). */
    readonly days: number;
  };
  readonly arxiv: {
    /** The queries a `fetch arxiv` without `--query` runs, one after another. */
    readonly queries: readonly string[];
    /** The most entries one query brings. */
    readonly max: number;
  };
}

/** The defaults, when neither the config file nor the command line says. */
export const DEFAULT_FETCH_SETTINGS: FetchSettings = {
  hf: { days: 7 },
  arxiv: { queries: [], max: 200 },
};
