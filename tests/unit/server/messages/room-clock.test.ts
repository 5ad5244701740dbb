import { createRoomClock } from "@/lib/server/messages/room-clock";

describe("the room clock", () => {
  it("gives a room's messages of one millisecond distinct, increasing times", () => {
    const clock = createRoomClock(() => 1_000);
    expect([clock.next("a"), clock.next("a"), clock.next("a")].map((time) => time.getTime())).toEqual([1_000, 1_001, 1_002]);
  });

  it("lets other rooms keep the wall clock", () => {
    const clock = createRoomClock(() => 1_000);
    clock.next("a");
    clock.next("a");
    expect(clock.next("b").getTime()).toBe(1_000);
  });

  it("follows the wall clock once it has moved past a room's last time", () => {
    let now = 1_000;
    const clock = createRoomClock(() => now);
    clock.next("a");
    clock.next("a");
    now = 1_005;
    expect(clock.next("a").getTime()).toBe(1_005);
  });

  it("never goes back when the wall clock does", () => {
    let now = 5_000;
    const clock = createRoomClock(() => now);
    clock.next("a");
    now = 4_000;
    expect(clock.next("a").getTime()).toBe(5_001);
  });
});
