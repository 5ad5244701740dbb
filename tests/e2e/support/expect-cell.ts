import { absentRoomId, ask, namesRoom, pathOf, withoutRoomId } from "./access-probe";
import { mentionsRoom, type TAccessRow, type TCell } from "./access-cells";
import { firstDifference } from "./canonical-page";
import { roomOfKind, type TRole, type TSeatedRoom } from "./seated-room";
import { expect } from "./test";

/**
 * Only people who may not know the room exists must not tell it from an absent one. The one
 * exception is by design: while a room's seat is free, its link shows whose room it is and lets
 * its holder ask to join (the link is that capability); everything else stays as for no room.
 */
export function comparedWithAbsent(row: TAccessRow, role: TRole, cell: TCell): boolean {
  if (row.room === "free-seat" && cell.handsOut) return false;
  return namesRoom(row.request) && (role === "anonymous" || role === "outsider");
}

/** Asks the row's request as the role and checks the answer against the cell. */
export async function expectCell(row: TAccessRow, role: TRole, cell: TCell, seated: TSeatedRoom): Promise<void> {
  const room = roomOfKind(seated, row.room);
  const cookie = room.cookies[role];
  const answer = await ask(room.baseUrl, row.request, room, cookie);
  const shown = `${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300)}`;
  expect(answer.status, `status (answer: ${shown})`).toBe(cell.status);
  if (cell.redirect) {
    const to = cell.redirect === "sign-in" ? `/signin?callbackUrl=${encodeURIComponent(pathOf(row.request, room.roomId))}` : cell.redirect;
    expect(answer.location, "redirect").toBe(to);
  }
  expect((row.handsOut ?? mentionsRoom)(answer, room, role), `hands out what the row guards (answer: ${shown})`).toBe(cell.handsOut);
  if (comparedWithAbsent(row, role, cell)) {
    const absent = absentRoomId();
    const [mine, other] = [
      withoutRoomId(answer, room.roomId),
      withoutRoomId(await ask(room.baseUrl, row.request, { ...room, roomId: absent }, cookie), absent),
    ];
    // Head first, then the body's first difference: a whole page would drown the one that matters.
    expect({ ...mine, body: undefined }, "the same status and headers as for an absent room").toEqual({ ...other, body: undefined });
    const difference = firstDifference(mine.body, other.body);
    expect(difference === null, `the same body as for an absent room; ${difference}`).toBe(true);
  }
}
