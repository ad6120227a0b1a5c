/** How long a `Retry-After` header asks a client to wait: whole seconds, or an HTTP date. */

/** The wait `value` asks for, in milliseconds from `now`; null when there is no header or it says nothing readable. */
export function retryAfterMs(value: string | null, now: number = Date.now()): number | null {
  if (value === null) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // An HTTP date, `Wed, 21 Oct 2026 07:28:00 GMT`: the time left until then.
  if (!/GMT$/.test(text)) return null;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}
