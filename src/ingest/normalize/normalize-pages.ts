/**
 * Page ranges written one way: `4171--4186`, `4171-4186`, `4171 — 4186` → `4171–4186` (an en
 * dash, as BibTeX's `--` prints). An article number (`e123`) or a list (`1–5, 7`) keeps its
 * form; a single hyphen becomes a dash only between two page numbers (`S1-S5`), never inside
 * one (`e-123`). Pure.
 */
export function normalizePages(value: string): string {
  return value
    .replace(/\s*(?:---?|—|‒|―)\s*/g, '–')
    .replace(/\s*–\s*/g, '–')
    .replace(/^([A-Za-z]{0,3}\d+)\s*[-‐‑]\s*([A-Za-z]{0,3}\d+)$/, '$1–$2');
}
