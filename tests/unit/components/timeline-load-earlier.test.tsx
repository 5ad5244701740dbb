/** @jest-environment jsdom */
import { act, render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { Timeline } from "@/app/history/[id]/Timeline";
import { useTimeline } from "@/lib/client/history/use-timeline";
import type { TTimelinePage } from "@/lib/shared/timeline";

const me = { id: "u-ada", name: "Ada" };
const at = "2026-11-24T10:02:00.000Z";
const NEWEST: TTimelinePage & { anchor: null } = {
  entries: [{ kind: "message", key: "m1", at, message: { id: "m1", roomId: "r1", clientId: "c1", body: "Hello", createdAt: at, author: me } }],
  earlier: "cursor-1",
  later: null,
  anchor: null,
};

function History() {
  return <Timeline timeline={useTimeline("r1")} me={me} />;
}

/** jsdom has no layout: every observed element is reported in view, as the top of a short page is. */
class InViewObserver {
  constructor(private readonly report: IntersectionObserverCallback) {}
  observe(element: Element) {
    queueMicrotask(() => this.report([{ isIntersecting: true, target: element } as IntersectionObserverEntry], this as never));
  }
  disconnect() {}
}

describe("the history page's earlier entries", () => {
  beforeAll(() => {
    Object.assign(window, { IntersectionObserver: InViewObserver });
    Element.prototype.scrollIntoView = () => {};
    Object.assign(window, { CSS: { escape: (value: string) => value } });
  });

  it("after a page fails to load, wait for a click instead of retrying on their own", async () => {
    // jsdom has no fetch: answers shaped as apiFetch reads them, the newest page then a proxy's 502.
    const fetch = jest
      .fn()
      .mockResolvedValueOnce({ ok: true, status: 200, json: async () => NEWEST })
      .mockImplementation(async () => ({ ok: false, status: 502, json: async () => Promise.reject(new SyntaxError("Bad gateway")) }));
    Object.assign(globalThis, { fetch });
    render(<History />);

    const button = await screen.findByRole("button", { name: "Load earlier" });
    // The top was in view: one try, and once it has failed and the button is back, no other.
    await waitFor(() => expect(fetch).toHaveBeenCalledTimes(2));
    await waitFor(() => expect(button).toBeEnabled());
    // A re-armed observer would report (and fetch) within these effects and microtasks.
    await act(async () => {});
    expect(fetch).toHaveBeenCalledTimes(2);

    await userEvent.click(button);
    await waitFor(() => expect(button).toBeEnabled());
    await act(async () => {});
    expect(fetch).toHaveBeenCalledTimes(3);
  });
});
