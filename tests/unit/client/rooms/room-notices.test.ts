import { describeRoomChange } from "@/lib/client/rooms/use-room-updates";
import { describeClosure } from "@/app/rooms/[id]/RoomClosed";
import type { TRoomSummary } from "@/lib/shared/room";

const OLGA = { id: "olga", name: "Olga" };
const GUS = { id: "gus", name: "Gus" };
const room = (name: string, withGus: boolean): TRoomSummary => ({
  id: "AAAAAAAAAAAAAAAAAAAAAA",
  name,
  createdAt: "2026-11-26T10:00:00.000Z",
  lastActivityAt: "2026-11-26T10:00:00.000Z",
  members: [{ ...OLGA, role: "owner" }, ...(withGus ? [{ ...GUS, role: "guest" as const }] : [])],
});

describe("what an open room page says when the room changes", () => {
  it("tells the owner who came and who went, by name", () => {
    expect(describeRoomChange("guest-joined", room("Fridays", false), room("Fridays", true), OLGA)).toBe("Gus joined this room.");
    expect(describeRoomChange("guest-left", room("Fridays", true), room("Fridays", false), OLGA)).toBe(
      "Gus left this room. Whoever opens its link next can join.",
    );
    expect(describeRoomChange("guest-removed", room("Fridays", true), room("Fridays", false), OLGA)).toBe("You removed Gus from this room.");
  });

  it("tells the guest the owner's new name for the room, and the owner nothing they did themselves", () => {
    expect(describeRoomChange("renamed", room("Fridays", true), room("Planning", true), GUS)).toBe("Olga renamed this room to “Planning”.");
    expect(describeRoomChange("renamed", room("Fridays", true), room("Planning", true), OLGA)).toBeNull();
  });
});

describe("what a closed room page says", () => {
  it("tells a removed guest who removed them", () => {
    expect(describeClosure("removed", room("Fridays", true), GUS).title).toBe("Olga removed you from this room");
  });

  it("tells each member of a deleted room who deleted it", () => {
    expect(describeClosure("deleted", room("Fridays", true), GUS)).toEqual({
      title: "This room was deleted",
      detail: "Olga deleted it, with its messages and call records.",
    });
    expect(describeClosure("deleted", room("Fridays", true), OLGA).detail).toBe("You deleted it, with its messages and call records.");
  });

  it("tells a guest whose other tab left the room", () => {
    expect(describeClosure("left", room("Fridays", true), GUS).title).toBe("You left this room");
  });
});
