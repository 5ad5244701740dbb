/** @jest-environment jsdom */
import { render, screen, within } from "@testing-library/react";
import { TimelineCallEvent } from "@/app/history/[id]/TimelineCallEvent";
import { TimelineMessage } from "@/app/history/[id]/TimelineMessage";
import type { TCallRecord } from "@/lib/shared/call";

const me = { id: "u-ada", name: "Ada" };
const ben = { id: "u-ben", name: "Ben" };
const at = "2026-11-24T10:02:00.000Z";

describe("timeline entries, as assistive technology reads them", () => {
  it("a message is a list item named by who, when and what, its time a <time datetime> linking to it", () => {
    render(
      <ol>
        <TimelineMessage
          message={{ id: "m1", roomId: "r", clientId: "c", body: "Hello <b>Ben</b>", createdAt: at, author: me }}
          mine
          highlighted={false}
        />
        <TimelineMessage message={{ id: "m2", roomId: "r", clientId: "c", body: "Hi", createdAt: at, author: ben }} mine={false} highlighted />
      </ol>,
    );
    const mine = screen.getByRole("listitem", { name: /^You .* Hello <b>Ben<\/b>$/ });
    expect(within(mine).getByText(/\d/, { selector: "time" })).toHaveAttribute("datetime", at);
    expect(within(mine).getByRole("link")).toHaveAttribute("href", "#m-m1");
    expect(mine.querySelector("b")).toBeNull();
    const theirs = screen.getByRole("listitem", { name: /^Ben .* Hi$/ });
    expect(theirs).toHaveAttribute("aria-current", "location");
    expect(theirs).toHaveAttribute("id", "m-m2");
  });

  it("a call's end says how it ended, how long it lasted and each side's connection", () => {
    const call: TCallRecord = {
      id: "k1",
      roomId: "r",
      startedAt: at,
      endedAt: "2026-11-24T10:14:05.000Z",
      endReason: "hung-up",
      durationMs: 725_000,
      participants: [
        { user: me, quality: { path: "relay", protocol: "tcp", rttMs: 80, packetLossPct: 1.5, frameWidth: 640, frameHeight: 480 } },
        { user: ben, quality: null },
      ],
    };
    render(
      <ol>
        <TimelineCallEvent kind="call-started" entryKey="k1a" at={at} call={call} me={me} />
        <TimelineCallEvent kind="call-ended" entryKey="k1b" at={call.endedAt!} call={call} me={me} />
      </ol>,
    );
    expect(screen.getByRole("listitem", { name: /^Call started, .*, You and Ben$/ })).toBeInTheDocument();
    const ended = screen.getByRole("listitem", {
      name: /^Call ended, .*12 min 05 s; your connection: relay \(TCP\), 80 ms round trip, 1\.5 % loss, 640×480$/,
    });
    expect(within(ended).getByText(/\d/, { selector: "time" })).toHaveAttribute("datetime", call.endedAt);
  });
});
