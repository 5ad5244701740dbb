// Names pass through the same schemas the API routes parse with (POST /api/rooms, /api/users)
// before reaching the database; a NUL must stop there as VALIDATION, not reach PostgreSQL
// (error 22021, a 500 on every attempt).
import { isAppError } from "@/lib/shared/errors";
import { ZCreateRoomInput } from "@/lib/shared/room";
import { ZSignUpInput } from "@/lib/shared/user";
import { parseInput } from "@/lib/shared/validation";
import { createRoom } from "@/lib/server/rooms/create-room";
import { createUser } from "@/lib/server/users/create-user";
import { createTestDatabase, type TestDatabase } from "../../helpers/test-database";
import { seedUser } from "../../helpers/seed";

function validationError(run: () => unknown): { message: string; fields?: Record<string, string> } {
  try {
    run();
  } catch (error) {
    if (isAppError(error) && error.code === "VALIDATION") return error.toBody();
    throw error;
  }
  throw new Error("expected a VALIDATION error");
}

describe("control characters in names", () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase();
  });

  afterAll(async () => {
    await database.cleanup();
  });

  it("refuses a room name with a NUL as VALIDATION and stores no room", async () => {
    const owner = await seedUser(database.db, "Ada");
    const before = await database.db.room.count();
    const error = validationError(() => parseInput(ZCreateRoomInput, { name: "Stand\u0000up" }));
    expect(error.message).toBe("name: Room names cannot contain control characters or line breaks");
    expect(await database.db.room.count()).toBe(before);
    const valid = parseInput(ZCreateRoomInput, { name: "  Standup  " });
    await expect(createRoom(database.db, { ownerId: owner.id, name: valid.name })).resolves.toMatchObject({ name: "Standup" });
  });

  it("refuses a display name with a NUL, an override or nothing visible, and stores no user", async () => {
    const before = await database.db.user.count();
    const signUp = (name: string) => ({ name, email: `nul-${before}@example.test`, password: "correct horse battery" });
    expect(validationError(() => parseInput(ZSignUpInput, signUp("Ada\u0000"))).fields).toEqual({
      name: "Names cannot contain control characters or line breaks",
    });
    expect(validationError(() => parseInput(ZSignUpInput, signUp("Ada\u202Egnp.exe"))).fields).toEqual({
      name: "Names cannot contain text-direction control characters",
    });
    expect(validationError(() => parseInput(ZSignUpInput, signUp("\u200b\u2060"))).fields).toEqual({ name: "Enter your name" });
    expect(await database.db.user.count()).toBe(before);
    await expect(createUser(database.db, parseInput(ZSignUpInput, signUp("Ada")))).resolves.toMatchObject({ name: "Ada" });
  });
});
