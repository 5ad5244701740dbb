import type { TDbClient } from "../db/create-db-client";

export interface TAccountOverview {
  name: string;
  email: string;
  hasPassword: boolean;
  /** Linked sign-in providers ("github", "google"). */
  providers: string[];
  /** Signed-in browsers, this one included. */
  sessionCount: number;
  /** What deleting the account takes with it. */
  ownedRooms: { id: string; name: string; guestName: string | null; messageCount: number }[];
  /** Rooms where the account is the guest: they stay, with its messages. */
  guestRoomCount: number;
}

/** What the account page shows, including what deleting the account would remove. */
export async function getAccountOverview(db: TDbClient, userId: string): Promise<TAccountOverview | null> {
  const user = await db.user.findUnique({
    where: { id: userId },
    select: {
      name: true,
      email: true,
      passwordHash: true,
      deletedAt: true,
      accounts: { select: { provider: true } },
      _count: { select: { sessions: true } },
      ownedRooms: {
        orderBy: { lastActivityAt: "desc" },
        select: {
          id: true,
          name: true,
          _count: { select: { messages: true } },
          memberships: { where: { role: "guest" }, select: { user: { select: { name: true } } } },
        },
      },
      memberships: { where: { role: "guest" }, select: { roomId: true } },
    },
  });
  if (!user || user.deletedAt) return null;
  return {
    name: user.name,
    email: user.email,
    hasPassword: user.passwordHash !== null,
    providers: user.accounts.map(({ provider }) => provider),
    sessionCount: user._count.sessions,
    ownedRooms: user.ownedRooms.map((room) => ({
      id: room.id,
      name: room.name,
      guestName: room.memberships[0]?.user.name ?? null,
      messageCount: room._count.messages,
    })),
    guestRoomCount: user.memberships.length,
  };
}
