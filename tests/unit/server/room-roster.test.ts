import { callPeerOf, isInitiator, presenceOf, type TConnection } from "@/lib/server/realtime/room-roster";

const ada = { id: "ada", name: "Ada" };
const ben = { id: "ben", name: "Ben" };
const MEDIA = { audio: true, video: true };
const connection = (id: string, user: typeof ada, inCall = false, media = MEDIA): TConnection => ({
  id,
  data: { user, roomId: "r", callSessionId: inCall ? `call-of-${id}-0123456789` : null, media },
});

describe("the room roster", () => {
  it("pairs a member only with the other member in the call", () => {
    const connections = [connection("a1", ada, true), connection("b1", ben, false)];
    expect(callPeerOf(connections, ada.id)).toBeNull();
    connections[1] = connection("b1", ben, true, { audio: false, video: true });
    expect(callPeerOf(connections, ada.id)).toEqual({ user: ben, media: { audio: false, video: true }, callSessionId: "call-of-b1-0123456789" });
    expect(callPeerOf(connections, ben.id)).toEqual({ user: ada, media: MEDIA, callSessionId: "call-of-a1-0123456789" });
  });

  it("never pairs a member with their own other connection", () => {
    expect(callPeerOf([connection("a1", ada, true), connection("a2", ada, true)], ada.id)).toBeNull();
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
