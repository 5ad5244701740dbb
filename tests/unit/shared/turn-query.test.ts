import { isAppError } from "@/lib/shared/errors";
import { turnCredentialsPath } from "@/lib/shared/paths";
import { ZTurnQuery } from "@/lib/shared/turn";
import { parseInput } from "@/lib/shared/validation";

const ROOM_ID = "AbCdEfGhIjKlMnOpQrSt_-";

function refusal(query: Record<string, string>) {
  try {
    parseInput(ZTurnQuery, query);
  } catch (error) {
    if (isAppError(error)) return error.toBody();
    throw error;
  }
  throw new Error("the query was accepted");
}

describe("the TURN credentials query", () => {
  it("asks for credentials for one room, by its id", () => {
    expect(turnCredentialsPath(ROOM_ID)).toBe(`/api/turn?room=${ROOM_ID}`);
    expect(parseInput(ZTurnQuery, Object.fromEntries(new URL(`http://duet.test${turnCredentialsPath(ROOM_ID)}`).searchParams))).toEqual({
      room: ROOM_ID,
    });
  });

  it("refuses a request that names no room, saying which room is missing", () => {
    expect(refusal({})).toEqual({
      code: "VALIDATION",
      message: "room: Say which room the call is in",
      fields: { room: "Say which room the call is in" },
    });
  });

  it("refuses what can't be a room id before it reaches the database", () => {
    expect(refusal({ room: "not-a-room-id" })).toMatchObject({ code: "VALIDATION", fields: { room: "Not a room id" } });
  });
});
