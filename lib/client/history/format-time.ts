/** How the history page writes times: in the reader's own time zone and language. */

const timeOfDayFormat = () => new Intl.DateTimeFormat(undefined, { hour: "numeric", minute: "2-digit" });
const fullFormat = () => new Intl.DateTimeFormat(undefined, { dateStyle: "full", timeStyle: "short" });
const dayFormat = () => new Intl.DateTimeFormat(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" });

/** "14:02" or "2:02 PM". */
export function timeOfDay(iso: string): string {
  return timeOfDayFormat().format(new Date(iso));
}

/** "Monday, 24 November 2026 at 14:02". */
export function fullDateTime(iso: string): string {
  return fullFormat().format(new Date(iso));
}

/** The reader's local calendar day of an instant, as `2026-11-24` (a `<time datetime>` value). */
export function localDay(iso: string): string {
  const date = new Date(iso);
  const pad = (value: number) => String(value).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** "Monday, 24 November 2026" for a `2026-11-24` local day. */
export function dayLabel(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return dayFormat().format(new Date(year, month - 1, date));
}

/** The instant a local `2026-11-24` day begins, in ISO 8601 with the reader's offset. */
export function startOfLocalDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(year, month - 1, date).toISOString();
}
