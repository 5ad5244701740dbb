import { isInitiator, peerOf, presenceOf, type TConnection } from "@/lib/server/realtime/room-registry";

const ada = { id: "ada", name: "Ada" };
const ben = { id: "ben", name: "Ben" };
const MEDIA = { audio: true, video: true };
const connection = (id: string, user: typeof ada, inCall = false, media = MEDIA): TConnection => ({
  id,
  data: { user, roomId: "r", inCall, media },
});

describe("the room registry", () => {
  it("pairs a member only with the other member in the call", () => {
    const connections = [connection("a1", ada, true), connection("b1", ben, false)];
    expect(peerOf(connections, ada.id)).toBeNull();
    connections[1] = connection("b1", ben, true, { audio: false, video: true });
    expect(peerOf(connections, ada.id)).toEqual({ user: ben, media: { audio: false, video: true }, connectionId: "b1" });
    expect(peerOf(connections, ben.id)).toEqual({ user: ada, media: MEDIA, connectionId: "a1" });
  });

  it("never pairs a member with their own other connection", () => {
    expect(peerOf([connection("a1", ada, true), connection("a2", ada, true)], ada.id)).toBeNull();
  });

  it("names exactly one of the two members to make the first offer", () => {
    expect(isInitiator(ada.id, ben.id)).not.toBe(isInitiator(ben.id, ada.id));
  });

  it("lists each member present once, in the call if any of their connections is", () => {
    const presence = presenceOf([connection("a1", ada), connection("a2", ada, true), connection("b1", ben)]);
    expect(presence.members).toEqual([
      { user: ada, inCall: true },
      { user: ben, inCall: false },
    ]);
  });

  it("shows an empty room as nobody present", () => {
    expect(presenceOf([])).toEqual({ members: [] });
  });
});
