import { mergeMessages, type TChatEntry } from "@/lib/client/chat-entries";
import type { TChatMessage } from "@/lib/shared/message";

const ada = { id: "ada", name: "Ada" };
const message = (id: string, createdAt: string, clientId = `c-${id}`): TChatMessage => ({
  id,
  roomId: "r",
  clientId,
  body: id,
  createdAt,
  author: ada,
});
const typedAt = "2026-01-01T00:00:00Z";

describe("merging chat messages", () => {
  it("orders stored messages by server time, then id, and shows each once", () => {
    const merged = mergeMessages(
      [],
      [message("b", "2026-01-01T00:00:01Z"), message("a", "2026-01-01T00:00:01Z"), message("c", "2026-01-01T00:00:00Z")],
    );
    const again = mergeMessages(merged, [message("a", "2026-01-01T00:00:01Z")]);
    expect(again.map((entry) => (entry.status === "sent" ? entry.id : ""))).toEqual(["c", "a", "b"]);
  });

  it("replaces an unsent message with its stored copy and keeps unsent ones last, in typed order", () => {
    const unsent: TChatEntry[] = [
      { status: "queued", clientId: "c-w", body: "w", typedAt, author: ada },
      { status: "pending", clientId: "c-x", body: "x", typedAt, author: ada },
      { status: "failed", clientId: "c-y", body: "y", typedAt, author: ada, error: "Too long" },
    ];
    const merged = mergeMessages(unsent, [message("x", "2026-01-01T00:00:00Z")]);
    expect(merged.map((entry) => `${entry.status}:${entry.body}`)).toEqual(["sent:x", "queued:w", "failed:y"]);
  });
});
