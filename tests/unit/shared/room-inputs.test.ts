import { ZRemoveGuestInput } from "@/lib/shared/room";
import { parseInput } from "@/lib/shared/validation";

describe("removing a guest: the input", () => {
  it("takes a user id as Duet makes them", () => {
    expect(parseInput(ZRemoveGuestInput, { guestId: "cmwysvmbl000a1j7doyy589fs" })).toEqual({ guestId: "cmwysvmbl000a1j7doyy589fs" });
  });

  it("refuses an id no user can have, a NUL among them, as bad input rather than reaching the database", () => {
    for (const guestId of ["", "a\u0000b", "x".repeat(65), "ada; DROP TABLE", "ada@example.com"]) {
      expect(() => parseInput(ZRemoveGuestInput, { guestId })).toThrow(expect.objectContaining({ code: "VALIDATION" }));
    }
  });
});
