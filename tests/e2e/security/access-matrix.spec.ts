/**
 * Who gets what: every route and the room namespace, asked by a signed-out visitor (anonymous),
 * a signed-in person who is not in the room (outsider), the room's guest and its owner.
 *
 * ADDING A ROUTE? Add a row to ACCESS below: a name, the request (`get`, `post` or `send(method,
 * path, body)`; the path is a function of the room id when the route names a room), and one cell
 * per role from the constants in ../support/access-cells. If what the route hands out is not
 * the room's name, chat or members (the default test), say how to recognise it in `handsOut`.
 * A request that changes the room (rename, delete, remove the guest) sets `changesRoom: true`,
 * so each of its cells runs against a freshly seated room. A body that names someone in the room
 * is made from it (`({ guestId }) => ({ guestId })`). For example:
 *
 *   { name: "rooms API: delete the room", request: send("DELETE", (id) => `/api/rooms/${id}`), changesRoom: true,
 *     handsOut: carries("deleted"), expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: FORBIDDEN, owner: GRANTED } }
 *
 * A row about a room whose guest seat is still free sets `room: "free-seat"`: there everyone but
 * the owner (the full room's guest too) holds only the link, which shows whose room it is and
 * lets them ask to join, and nothing more.
 *
 * Checked for every cell: the status (and where a redirect goes: sign-in comes back to the very
 * request), and whether the answer hands out what the row guards. For a row that names a room,
 * the anonymous and outsider cells must also get, byte for byte, the answer they get for an
 * absent room id (with the room id and a page's CSP nonce taken out, and a page's streamed
 * payload in canonical order, see ../support/canonical-page): "absent" and "not yours" look
 * alike, so nobody can probe which rooms exist.
 *
 * One test per cell, named "<row> › <role>: <expected>": a failing cell shows which row and role
 * broke without hiding the others' results, and `-g outsider` or `-g "TURN API"` runs a column
 * or a row alone. The room is seated once for all cells; no cell changes it unless its row says so.
 */
import { randomUUID } from "node:crypto";
import { get, post, roomNamespaceJoin, send, type TAnswer } from "../support/access-probe";
import {
  CONNECTED,
  CREATED,
  describeCell,
  FORBIDDEN,
  GRANTED,
  HANDSHAKE_REFUSED,
  HOME,
  INVITED,
  NAMESPACE_REFUSED,
  NOTHING,
  SEATED,
  SIGN_IN,
  UNAUTHENTICATED,
  UNAVAILABLE,
  type TAccessRow,
  type TCell,
} from "../support/access-cells";
import { comparedWithAbsent, expectCell } from "../support/expect-cell";
import { ROLES, seatRoom, type TSeatedRoom } from "../support/seated-room";
import { test } from "../support/test";

/** Refused for what was asked, after the asker was let in: a wrong password, say. */
const WRONG_PASSWORD: TCell = { status: 422, handsOut: false };
const NOT_A_GET: TCell = { status: 405, handsOut: false };

/** A JSON answer carrying this key: what an API row hands out when it grants access. */
const carries = (key: string) => (answer: TAnswer) => answer.body.includes(`"${key}":`);

const ACCESS: TAccessRow[] = [
  // --- one room ---------------------------------------------------------------------------
  {
    name: "room page: open the link of a full room",
    request: get((id) => `/rooms/${id}`),
    expect: { anonymous: SIGN_IN, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    // Opening the link takes no seat: the rows below still find this seat free.
    name: "room page: open the link of a room with a free seat",
    room: "free-seat",
    request: get((id) => `/rooms/${id}`),
    expect: { anonymous: SIGN_IN, outsider: INVITED, guest: INVITED, owner: GRANTED },
  },
  {
    name: "history page: read the room's history",
    request: get((id) => `/history/${id}`),
    expect: { anonymous: SIGN_IN, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "messages API: read the room's chat",
    request: get((id) => `/api/rooms/${id}/messages`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "messages API: read the chat of a room with a free seat",
    room: "free-seat",
    request: get((id) => `/api/rooms/${id}/messages`),
    handsOut: carries("messages"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: UNAVAILABLE, owner: GRANTED },
  },
  {
    name: "timeline API: read the room's history (messages and calls)",
    request: get((id) => `/api/rooms/${id}/timeline`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "timeline API: read the history of a room with a free seat",
    room: "free-seat",
    request: get((id) => `/api/rooms/${id}/timeline`),
    handsOut: carries("entries"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: UNAVAILABLE, owner: GRANTED },
  },
  {
    // The seated room's one message is "matrix secret <tag>": a hit hands it out.
    name: "search API: search the room's chat",
    request: get((id) => `/api/rooms/${id}/search?q=matrix+secret`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "search API: search the chat of a room with a free seat",
    room: "free-seat",
    request: get((id) => `/api/rooms/${id}/search?q=matrix+secret`),
    handsOut: carries("results"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: UNAVAILABLE, owner: GRANTED },
  },
  {
    name: "export API: the room's whole record as Markdown",
    request: get((id) => `/api/rooms/${id}/export?format=markdown`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "export API: the room's whole record as JSON",
    request: get((id) => `/api/rooms/${id}/export?format=json`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    // The export names its room: the default test recognises the free-seat room's name in it.
    name: "export API: the record of a room with a free seat",
    room: "free-seat",
    request: get((id) => `/api/rooms/${id}/export?format=markdown`),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: UNAVAILABLE, owner: GRANTED },
  },
  {
    name: "TURN API: relay credentials for a call in the room",
    request: get((id) => `/api/turn?room=${id}`),
    handsOut: carries("iceServers"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    // The page only echoes the id it was given; the relay credentials it then asks for are the TURN row.
    name: "check page: opened from the room",
    request: get((id) => `/check?room=${id}`),
    expect: { anonymous: SIGN_IN, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "realtime: join the room's namespace",
    request: roomNamespaceJoin,
    handsOut: (answer) => answer.status === "connected",
    expect: { anonymous: HANDSHAKE_REFUSED, outsider: NAMESPACE_REFUSED, guest: CONNECTED, owner: CONNECTED },
  },
  {
    name: "realtime: join the namespace of a room with a free seat",
    room: "free-seat",
    request: roomNamespaceJoin,
    handsOut: (answer) => answer.status === "connected",
    expect: { anonymous: HANDSHAKE_REFUSED, outsider: NAMESPACE_REFUSED, guest: NAMESPACE_REFUSED, owner: CONNECTED },
  },
  {
    name: "rooms API: join a room with a free seat",
    room: "free-seat",
    request: send("PUT", (id) => `/api/rooms/${id}/membership`),
    changesRoom: true,
    handsOut: carries("room"),
    expect: { anonymous: UNAUTHENTICATED, outsider: SEATED, guest: SEATED, owner: GRANTED },
  },
  {
    name: "rooms API: join a full room",
    request: send("PUT", (id) => `/api/rooms/${id}/membership`),
    handsOut: carries("room"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "rooms API: rename the room",
    request: send(
      "PATCH",
      (id) => `/api/rooms/${id}`,
      () => ({ name: "Renamed by the matrix" }),
    ),
    changesRoom: true,
    handsOut: carries("room"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: FORBIDDEN, owner: GRANTED },
  },
  {
    name: "rooms API: remove the guest",
    request: send(
      "DELETE",
      (id) => `/api/rooms/${id}/guest`,
      ({ guestId }) => ({ guestId }),
    ),
    changesRoom: true,
    handsOut: carries("room"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: FORBIDDEN, owner: GRANTED },
  },
  {
    name: "rooms API: leave the room",
    request: send("DELETE", (id) => `/api/rooms/${id}/membership`),
    changesRoom: true,
    handsOut: carries("left"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: FORBIDDEN },
  },
  {
    name: "rooms API: delete the room",
    request: send("DELETE", (id) => `/api/rooms/${id}`),
    changesRoom: true,
    handsOut: carries("deleted"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: FORBIDDEN, owner: GRANTED },
  },
  {
    name: "rooms API: mark the room read",
    request: send("PUT", (id) => `/api/rooms/${id}/read`),
    handsOut: carries("readAt"),
    expect: { anonymous: UNAUTHENTICATED, outsider: UNAVAILABLE, guest: GRANTED, owner: GRANTED },
  },
  // --- one's own rooms ----------------------------------------------------------------------
  {
    name: "home page: your rooms",
    request: get("/"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "history page: your rooms",
    request: get("/history"),
    expect: { anonymous: SIGN_IN, outsider: NOTHING, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "rooms API: list your rooms",
    request: get("/api/rooms"),
    expect: { anonymous: UNAUTHENTICATED, outsider: NOTHING, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "search API: search all your rooms",
    request: get("/api/search?q=matrix+secret"),
    expect: { anonymous: UNAUTHENTICATED, outsider: NOTHING, guest: GRANTED, owner: GRANTED },
  },
  {
    name: "rooms API: create a room",
    request: post("/api/rooms", () => ({ name: "Another room" })),
    handsOut: carries("room"),
    expect: { anonymous: UNAUTHENTICATED, outsider: CREATED, guest: CREATED, owner: CREATED },
  },
  // --- one's own account ------------------------------------------------------------------------
  {
    // The owner's account page lists the rooms that deleting the account would take with it.
    name: "account page: your account",
    request: get("/account"),
    expect: { anonymous: SIGN_IN, outsider: NOTHING, guest: NOTHING, owner: GRANTED },
  },
  {
    name: "account API: change the password (with a wrong current one)",
    request: post("/api/account/password", () => ({ currentPassword: "not the password", newPassword: "a brand new password" })),
    expect: { anonymous: UNAUTHENTICATED, outsider: WRONG_PASSWORD, guest: WRONG_PASSWORD, owner: WRONG_PASSWORD },
  },
  {
    name: "account API: delete the account (with a wrong password)",
    request: send("DELETE", "/api/account", () => ({ password: "not the password" })),
    expect: { anonymous: UNAUTHENTICATED, outsider: WRONG_PASSWORD, guest: WRONG_PASSWORD, owner: WRONG_PASSWORD },
  },
  {
    // Signs the asker out: each cell gets people of its own.
    name: "account API: sign out everywhere",
    request: send("DELETE", "/api/account/sessions"),
    changesRoom: true,
    handsOut: carries("endedSessions"),
    expect: { anonymous: UNAUTHENTICATED, outsider: GRANTED, guest: GRANTED, owner: GRANTED },
  },
  // --- no room --------------------------------------------------------------------------------
  {
    name: "check page: opened on its own",
    request: get("/check"),
    expect: { anonymous: SIGN_IN, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "sign-in page",
    request: get("/signin"),
    expect: { anonymous: NOTHING, outsider: HOME, guest: HOME, owner: HOME },
  },
  {
    name: "sign-up page",
    request: get("/signup"),
    expect: { anonymous: NOTHING, outsider: HOME, guest: HOME, owner: HOME },
  },
  {
    name: "users API: sign up",
    request: post("/api/users", () => ({ name: "Newcomer", email: `newcomer-${randomUUID()}@example.test`, password: "a long enough password" })),
    handsOut: carries("user"),
    expect: { anonymous: CREATED, outsider: CREATED, guest: CREATED, owner: CREATED },
  },
  {
    name: "auth API: the credentials callback, asked with GET",
    request: get("/api/auth/callback/credentials"),
    expect: { anonymous: NOT_A_GET, outsider: NOT_A_GET, guest: NOT_A_GET, owner: NOT_A_GET },
  },
  {
    name: "auth API: the session",
    request: get("/api/auth/session"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "auth API: a CSRF token for signing in",
    request: get("/api/auth/csrf"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "auth API: the sign-in providers",
    request: get("/api/auth/providers"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "health API: liveness",
    request: get("/api/health"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
  {
    name: "ready API: readiness",
    request: get("/api/ready"),
    expect: { anonymous: NOTHING, outsider: NOTHING, guest: NOTHING, owner: NOTHING },
  },
];

const base = () => process.env.DUET_E2E_URL!;
let seated: TSeatedRoom;

test.beforeAll(async ({ browser }) => {
  seated = await seatRoom(browser, base());
});

for (const row of ACCESS) {
  test.describe(row.name, () => {
    for (const role of ROLES) {
      const cell = row.expect[role];
      test(`${role}: ${describeCell(cell)}${comparedWithAbsent(row, role, cell) ? ", same as for an absent room" : ""}`, async ({ browser }) => {
        const room = row.changesRoom ? await seatRoom(browser, base()) : seated;
        await expectCell(row, role, cell, room);
      });
    }
  });
}
