/**
 * The call's setup as a chain of steps from the second person's click to both first frames,
 * each timed from the marks in-page-probe.js leaves on both pages. The first person (already
 * in the call) offers; the second answers. A step's end is the next one's start, so the steps
 * of one call add up to its "first remote frame, both sides".
 */
export type TPageMarks = Record<string, number>;

type TSide = "first" | "second";
type TMark = { side: TSide; name: string } | "click" | "connected" | "frame";

interface Step {
  label: string;
  from: TMark;
  to: TMark;
}

const first = (name: string): TMark => ({ side: "first", name });
const second = (name: string): TMark => ({ side: "second", name });

export const CALL_STEPS: Step[] = [
  { label: "click → join sent", from: "click", to: second("join sent") },
  { label: "join relayed to the first", from: second("join sent"), to: first("peer joined received") },
  { label: "first makes the offer", from: first("peer joined received"), to: first("offer made") },
  { label: "offer handed to the socket", from: first("offer made"), to: first("offer sent") },
  { label: "offer relayed to the second", from: first("offer sent"), to: second("offer received") },
  { label: "second applies it, makes answer", from: second("offer received"), to: second("answer made") },
  { label: "answer handed to the socket", from: second("answer made"), to: second("answer sent") },
  { label: "answer relayed to the first", from: second("answer sent"), to: first("answer received") },
  { label: "first applies the answer", from: first("answer received"), to: first("answer applied") },
  { label: "ICE: until both connected", from: first("answer applied"), to: "connected" },
  { label: "media: until both see video", from: "connected", to: "frame" },
];

export interface PageTimes {
  steps: TPageMarks;
  connectedAt: number;
  frameAt: number;
}

export type TCallPages = Record<TSide, PageTimes>;

/** When both pages had reached it: the later of the two. */
export const bothAt = (pages: TCallPages, mark: "connectedAt" | "frameAt") => Math.max(pages.first[mark], pages.second[mark]);

/** Each step's ms in one call; null where a page left a mark out (then the step isn't counted). */
export function stepDurations(pages: TCallPages, clickAt: number): Array<number | null> {
  const at = (mark: TMark): number | undefined => {
    if (mark === "click") return clickAt;
    if (mark === "connected") return bothAt(pages, "connectedAt");
    if (mark === "frame") return bothAt(pages, "frameAt");
    return pages[mark.side].steps[mark.name];
  };
  return CALL_STEPS.map(({ from, to }) => {
    const [start, end] = [at(from), at(to)];
    return start === undefined || end === undefined ? null : end - start;
  });
}
