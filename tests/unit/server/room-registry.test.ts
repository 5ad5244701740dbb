import { RoomRegistry } from "@/lib/server/realtime/room-registry";
import { AppError } from "@/lib/shared/errors";

const ada = { id: "ada", name: "Ada" };
const ben = { id: "ben", name: "Ben" };
const cy = { id: "cy", name: "Cy" };
const MEDIA = { audio: true, video: true };

describe("the room registry", () => {
  it("rejects a third participant", () => {
    const registry = new RoomRegistry();
    registry.connect("r", ada, "s1");
    registry.connect("r", ben, "s2");
    expect(() => registry.connect("r", cy, "s3")).toThrow(new AppError("ROOM_FULL", "This room is for two people"));
  });

  it("lets the member already in the call offer to the one who joins", () => {
    const registry = new RoomRegistry();
    registry.connect("r", ada, "s1");
    registry.connect("r", ben, "s2");
    expect(registry.joinCall("r", ada.id, MEDIA).peer).toBeNull();
    expect(registry.joinCall("r", ben.id, { audio: false, video: true }).peer).toEqual({ user: ada, media: MEDIA });
    expect(registry.peerInCall("r", ada.id)).toEqual({ user: ben, media: { audio: false, video: true } });
  });

  it("replaces a user's older connection and ignores that connection's late disconnect", () => {
    const registry = new RoomRegistry();
    registry.connect("r", ada, "old");
    expect(registry.connect("r", ada, "new")).toEqual({ replacedSocketId: "old" });
    registry.disconnect("r", ada.id, "old");
    expect(registry.presence("r").members).toEqual([{ user: ada, inCall: false }]);
  });

  it("forgets a room when its last person leaves", () => {
    const registry = new RoomRegistry();
    registry.connect("r", ada, "s1");
    registry.joinCall("r", ada.id, MEDIA);
    expect(registry.disconnect("r", ada.id, "s1")).toEqual({ wasInCall: true });
    expect(registry.size).toBe(0);
  });

  it("does not pair members of different rooms", () => {
    const registry = new RoomRegistry();
    registry.connect("r1", ada, "s1");
    registry.connect("r2", ben, "s2");
    registry.joinCall("r1", ada.id, MEDIA);
    expect(registry.joinCall("r2", ben.id, MEDIA).peer).toBeNull();
  });
});
