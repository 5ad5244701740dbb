import { createReadMarker, READ_MARK_INTERVAL_MS } from "@/lib/client/rooms/read-marker";

describe("what a room page marks as read", () => {
  let sent: number[];
  // Fake timers move Date.now too: each mark records when it was sent.
  const marker = () => createReadMarker("room", { send: () => sent.push(Date.now()) });
  const advance = (ms: number) => jest.advanceTimersByTime(ms);

  beforeEach(() => {
    jest.useFakeTimers({ now: 1_000_000 });
    sent = [];
  });

  afterEach(() => {
    jest.useRealTimers();
  });

  it("marks the room read as soon as it is on screen, and again each time it comes back", () => {
    const readMarker = marker();
    readMarker.shown();
    advance(60_000);
    readMarker.shown();
    expect(sent).toEqual([1_000_000, 1_060_000]);
  });

  it("marks a message read on arrival, even right after the room was opened, so the home page right after counts it read", () => {
    const readMarker = marker();
    readMarker.shown();
    advance(100);
    readMarker.messageArrived(true);
    expect(sent).toEqual([1_000_000, 1_000_100]);
  });

  it("sends one more mark for the rest of a burst of messages, as soon as the interval allows", () => {
    const readMarker = marker();
    readMarker.shown();
    for (let i = 0; i < 5; i += 1) {
      advance(100);
      readMarker.messageArrived(true);
    }
    expect(sent).toEqual([1_000_000, 1_000_100]);
    advance(READ_MARK_INTERVAL_MS);
    expect(sent).toEqual([1_000_000, 1_000_100, 1_000_100 + READ_MARK_INTERVAL_MS]);
  });

  it("leaves a message that arrived while the page was hidden unread", () => {
    const readMarker = marker();
    readMarker.shown();
    readMarker.hidden();
    advance(10_000);
    readMarker.messageArrived(false);
    advance(10_000);
    readMarker.hidden();
    expect(sent).toHaveLength(1);
  });

  it("marks a message seen but not yet marked when the page is hidden or closed, and sends nothing after", () => {
    const readMarker = marker();
    readMarker.shown();
    readMarker.messageArrived(true);
    advance(100);
    readMarker.messageArrived(true);
    readMarker.hidden();
    expect(sent).toHaveLength(3);
    advance(READ_MARK_INTERVAL_MS * 2);
    expect(sent).toHaveLength(3);
  });
});
