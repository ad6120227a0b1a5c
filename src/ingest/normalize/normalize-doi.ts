/** `doi:10.1/x`, `https://doi.org/10.1/x` and `10.1/x` all become `10.1/x`; anything else is returned trimmed, for the schema to reject. */
export function normalizeDoi(raw: string): string {
  return raw
    .trim()
    .replace(/^(?:https?:\/\/(?:dx\.)?doi\.org\/|doi:\s*)/i, '')
    .trim();
}
