/** The search page's state as it lives in the address bar, so every search can be linked to. */

/** A search: the words, the order, and the chosen values of each filter. */
export interface SearchState {
  readonly query: string;
  /** `date:desc`, `date:asc`, or '' for best match. */
  readonly sort: string;
  readonly filters: Readonly<Record<string, readonly string[]>>;
}

const SORTS = new Set(['', 'date:desc', 'date:asc']);

/** Reads `?q=…&sort=…&<filter>=<value>…`; parameters that are not filters in `filterNames` are ignored. */
export function readState(params: URLSearchParams, filterNames: readonly string[]): SearchState {
  const filters: Record<string, string[]> = {};
  for (const name of filterNames) {
    const values = params.getAll(name).filter((value) => value !== '');
    if (values.length > 0) filters[name] = [...new Set(values)];
  }
  const sort = params.get('sort') ?? '';
  return { query: params.get('q') ?? '', sort: SORTS.has(sort) ? sort : '', filters };
}

/** Writes the state back as query parameters, in a stable order. */
export function writeState(state: SearchState): URLSearchParams {
  const params = new URLSearchParams();
  if (state.query) params.set('q', state.query);
  if (state.sort) params.set('sort', state.sort);
  for (const name of Object.keys(state.filters).sort()) {
    for (const value of state.filters[name] ?? []) params.append(name, value);
  }
  return params;
}
