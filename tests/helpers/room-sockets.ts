import type { TDbClient } from "@/lib/server/db/create-db-client";
import type { TPublicUser } from "@/lib/shared/user";
import { connected, type TestClient, type TestRealtimeServer } from "./realtime-server";
import { sessionCookie } from "./seed";
import { twoMembersInARoom, type TRoomMembers } from "./two-members-in-a-room";

export interface RoomSockets {
  /** `user`'s browser with `roomId` open on `server`, admitted. */
  open(server: TestRealtimeServer, user: TPublicUser, roomId: string): Promise<TestClient>;
  /** The room's owner and guest, each with it open on `server`, the owner first. */
  bothOpen(server: TestRealtimeServer, members: TRoomMembers): Promise<readonly [TestClient, TestClient]>;
  /** Disconnects every socket opened so far (for afterEach). */
  disconnectAll(): void;
}

/** Opens room sockets for a test file and remembers them, so each test's are closed after it. */
export function roomSockets(db: () => TDbClient): RoomSockets {
  const sockets: TestClient[] = [];
  return {
    async open(server, user, roomId) {
      const socket = await connected(server.client(roomId, { cookie: await sessionCookie(db(), user) }));
      sockets.push(socket);
      return socket;
    },
    async bothOpen(server, members) {
      const { ownerSocket, guestSocket } = await twoMembersInARoom(db(), server, members);
      sockets.push(ownerSocket, guestSocket);
      return [ownerSocket, guestSocket] as const;
    },
    disconnectAll() {
      sockets.splice(0).forEach((socket) => socket.disconnect());
    },
  };
}
