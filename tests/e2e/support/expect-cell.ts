import { absentRoomId, ask, namesRoom, pathOf, withoutRoomId } from "./access-probe";
import { mentionsRoom, type TAccessRow, type TCell } from "./access-cells";
import { firstDifference } from "./canonical-page";
import type { TRole, TSeatedRoom } from "./seated-room";
import { expect } from "./test";

/** Only people who may not know the room exists must not tell it from an absent one. */
export function comparedWithAbsent(row: TAccessRow, role: TRole): boolean {
  return namesRoom(row.request) && (role === "anonymous" || role === "outsider");
}

/** Asks the row's request as the role and checks the answer against the cell. */
export async function expectCell(row: TAccessRow, role: TRole, cell: TCell, room: TSeatedRoom): Promise<void> {
  const cookie = room.cookies[role];
  const answer = await ask(room.baseUrl, row.request, room.roomId, cookie);
  const shown = `${answer.status} ${answer.location ?? ""} ${answer.body.slice(0, 300)}`;
  expect(answer.status, `status (answer: ${shown})`).toBe(cell.status);
  if (cell.redirect) {
    const to = cell.redirect === "sign-in" ? `/signin?callbackUrl=${encodeURIComponent(pathOf(row.request, room.roomId))}` : cell.redirect;
    expect(answer.location, "redirect").toBe(to);
  }
  expect((row.handsOut ?? mentionsRoom)(answer, room, role), `hands out what the row guards (answer: ${shown})`).toBe(cell.handsOut);
  if (comparedWithAbsent(row, role)) {
    const absent = absentRoomId();
    const [mine, other] = [withoutRoomId(answer, room.roomId), withoutRoomId(await ask(room.baseUrl, row.request, absent, cookie), absent)];
    // Head first, then the body's first difference: a whole page would drown the one that matters.
    expect({ ...mine, body: undefined }, "the same status and headers as for an absent room").toEqual({ ...other, body: undefined });
    const difference = firstDifference(mine.body, other.body);
    expect(difference === null, `the same body as for an absent room; ${difference}`).toBe(true);
  }
}
