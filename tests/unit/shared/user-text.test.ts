import { ZMessageBody } from "@/lib/shared/message";
import { ZRoomName } from "@/lib/shared/room";
import { ZDisplayName } from "@/lib/shared/user";
import type * as z from "@/lib/shared/zod";

function firstError(schema: z.ZodMiniType<string>, input: string): string | null {
  const result = schema.safeParse(input);
  return result.success ? null : (result.error.issues[0]?.message ?? "?");
}

describe("chat message bodies", () => {
  it.each([
    ["plain text", "hello"],
    ["newlines and tabs", "line one\n\tline two"],
    ["right-to-left text", "שלום עולם"],
    ["an emoji with joiners", "👩\u200d💻 done"],
    ["a direction mark inside text", "abc\u200fdef"],
  ])("accepts %s", (_name, body) => {
    expect(firstError(ZMessageBody, body)).toBeNull();
  });

  it.each([
    ["NUL", "a\u0000b", "Messages cannot contain control characters"],
    ["escape", "a\u001b[31mred", "Messages cannot contain control characters"],
    ["carriage return", "a\rb", "Messages cannot contain control characters"],
    ["DEL", "a\u007fb", "Messages cannot contain control characters"],
    ["C1 control", "a\u0085b", "Messages cannot contain control characters"],
    ["only zero-width characters", "\u200b\u200c\u200d\u2060\ufeff", "Write a message"],
    ["only bidi overrides and isolates", "\u202e\u2066\u2069\u202c", "Write a message"],
    ["only whitespace", " \n\t\u3000 ", "Write a message"],
  ])("refuses %s", (_name, body, message) => {
    expect(firstError(ZMessageBody, body)).toBe(message);
  });
});

describe.each([
  ["room names", ZRoomName, "Room names", "Name the room"],
  ["display names", ZDisplayName, "Names", "Enter your name"],
])("%s", (_name, schema, subject, emptyMessage) => {
  it.each([
    ["plain", "Team sync"],
    ["accented", "Zoë's room"],
    ["right-to-left", "חדר"],
  ])("accepts %s text", (_kind, name) => {
    expect(firstError(schema, name)).toBeNull();
  });

  it.each([
    ["NUL", "a\u0000b", `${subject} cannot contain control characters or line breaks`],
    ["newline", "a\nb", `${subject} cannot contain control characters or line breaks`],
    ["tab", "a\tb", `${subject} cannot contain control characters or line breaks`],
    ["C1 control", "a\u009bb", `${subject} cannot contain control characters or line breaks`],
    ["line separator", "a\u2028b", `${subject} cannot contain control characters or line breaks`],
    ["right-to-left override", "evil\u202Etxt.exe", `${subject} cannot contain text-direction control characters`],
    ["isolate", "a\u2067b\u2069", `${subject} cannot contain text-direction control characters`],
    ["only zero-width characters", "\u200b\u200b", emptyMessage],
    ["only a Hangul filler", "\u3164", emptyMessage],
  ])("refuses %s", (_kind, name, message) => {
    expect(firstError(schema, name)).toBe(message);
  });
});
