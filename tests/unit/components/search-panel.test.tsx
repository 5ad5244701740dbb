/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { SearchPanel } from "@/app/history/_components/SearchPanel";

const me = { id: "u-ada", name: "Ada" };

/** jsdom has no fetch: the next search is answered with `status` and Duet's JSON `body`. */
function answerSearch(status: number, body: unknown): void {
  Object.assign(globalThis, { fetch: jest.fn().mockResolvedValue({ ok: status < 400, status, json: async () => body }) });
}

describe("the search panel", () => {
  it("says a search found nothing when it ran and found nothing", async () => {
    answerSearch(200, { results: [], nextCursor: null });
    render(<SearchPanel roomId="r1" me={me} />);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search this room" }), "budget{Enter}");
    expect(await screen.findByRole("status")).toHaveTextContent("No messages with “budget”.");
  });

  it("when the search failed, says why, and not that there are no such messages", async () => {
    answerSearch(429, { error: { code: "RATE_LIMITED", message: "Too many searches. Try again in 1 minute.", retryAfterMs: 60_000 } });
    render(<SearchPanel roomId="r1" me={me} />);
    await userEvent.type(screen.getByRole("searchbox", { name: "Search this room" }), "budget{Enter}");
    expect(await screen.findByRole("alert")).toHaveTextContent("Too many searches. Try again in 1 minute.");
    expect(screen.queryByText(/No messages with/)).toBeNull();
  });
});
