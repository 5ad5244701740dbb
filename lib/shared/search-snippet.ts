/** The part of a message a search result shows (no schemas here: pages load this on first paint). */
import type { THighlight } from "./search";

/** The body cut to about `radius` characters either side of its first highlight, with highlights shifted to match. */
export function snippetAround(
  body: string,
  highlights: THighlight[],
  radius = 80,
): { text: string; highlights: THighlight[]; cutStart: boolean; cutEnd: boolean } {
  const first = highlights[0]?.[0] ?? 0;
  // Never between the two halves of a surrogate pair (an emoji, say).
  const lowSurrogateAt = (index: number) => /[\uDC00-\uDFFF]/.test(body.charAt(index));
  let start = Math.max(0, first - radius);
  if (lowSurrogateAt(start)) start -= 1;
  let end = Math.min(body.length, Math.max(first + radius, start + 2 * radius));
  if (lowSurrogateAt(end)) end += 1;
  const inside = highlights.filter(([from, to]) => from >= start && to <= end).map(([from, to]): THighlight => [from - start, to - start]);
  return { text: body.slice(start, end), highlights: inside, cutStart: start > 0, cutEnd: end < body.length };
}
