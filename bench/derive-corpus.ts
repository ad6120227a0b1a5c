/**
 * Entries for archives larger than the real corpus, derived deterministically from it: copy k
 * of an entry gets an id with a prefix of its own (`2601.01234` → `9101.01234` for k = 1, so
 * ids stay valid and unique), "(variant k)" after its title, and a listing day moved k × 91
 * days earlier (earlier, so no derived day lies in the future). Copy 0 is the real entry. The text is real; only the count is synthetic.
 */

/** The first `count` entries of the derived corpus, as JSON Lines. */
export function deriveEntries(lines: readonly string[], count: number): string[] {
  const out: string[] = [];
  for (let index = 0; index < count; index += 1) {
    const line = lines[index % lines.length]!;
    const copy = Math.floor(index / lines.length);
    if (copy === 0) {
      out.push(line);
      continue;
    }
    const entry = JSON.parse(line) as { id: string; title: string; date: string; url?: string | null };
    const day = new Date(`${entry.date}T00:00:00Z`);
    day.setUTCDate(day.getUTCDate() - copy * 91);
    out.push(
      JSON.stringify({
        ...entry,
        id: `${90 + copy}${entry.id.slice(2)}`,
        title: `${entry.title} (variant ${copy})`,
        date: day.toISOString().slice(0, 10),
        url: null,
      }),
    );
  }
  return out;
}

/**
 * A new day of `count` papers for growing an archive: real entries (taken after the first
 * `offset` lines, so they differ from day to day) with fresh ids `2699.<k><nnnn>`, "(new day k)"
 * after the title, listed on the `k`-th day after `lastDay`.
 */
export function newDayEntries(lines: readonly string[], lastDay: string, k: number, count = 300, offset = 1_000): string[] {
  const day = new Date(`${lastDay}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + k);
  return Array.from({ length: count }, (_, index) => {
    const entry = JSON.parse(lines[(offset + k * count + index) % lines.length]!) as { title: string };
    return JSON.stringify({
      ...entry,
      id: `2699.${k}${String(index).padStart(4, '0')}`,
      title: `${entry.title} (new day ${k})`,
      date: day.toISOString().slice(0, 10),
      url: null,
    });
  });
}
