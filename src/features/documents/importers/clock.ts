/** A timestamp such as "1:02:03.5", "01:23" or "00:00:04,160", in seconds; null when unreadable. */
export function parseClock(value: string): number | null {
  const m = /^\s*(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?\s*$/.exec(value);
  if (!m) return null;
  const hours = m[1] ? Number(m[1]) : 0;
  const minutes = Number(m[2]);
  const seconds = Number(m[3]);
  if (minutes > 59 || seconds > 59) return null;
  const fraction = m[4] ? Number(`0.${m[4]}`) : 0;
  return hours * 3600 + minutes * 60 + seconds + fraction;
}

export const CLOCK_PATTERN = String.raw`(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?`;
