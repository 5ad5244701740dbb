import { readLimitedText } from "@/lib/server/http/read-limited-body";

const LIMIT = 1_000;

/** A request whose body arrives in chunks, without a Content-Length, as a chunked upload does. */
function streamed(chunks: Uint8Array[], onPull: () => void = () => {}): Request {
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      onPull();
      if (next < chunks.length) controller.enqueue(chunks[next++]!);
      else controller.close();
    },
  });
  return new Request("http://duet.test/api/users", { method: "POST", body, duplex: "half" } as RequestInit);
}

describe("reading a request body within the limit", () => {
  it("reads a body up to the limit whole, multi-byte characters split across chunks included", async () => {
    const bytes = new TextEncoder().encode(`{"name":"${"é".repeat(490)}"}`);
    expect(bytes.length).toBeLessThanOrEqual(LIMIT);
    const text = await readLimitedText(streamed([bytes.subarray(0, 11), bytes.subarray(11)]), LIMIT);
    expect(JSON.parse(text)).toEqual({ name: "é".repeat(490) });
  });

  it("refuses a declared length over the limit before reading any of the body", async () => {
    const declared = new Request(streamed([new Uint8Array(10)]), { headers: { "content-length": String(LIMIT + 1) } });
    await expect(readLimitedText(declared, LIMIT)).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "This request is too large: Duet accepts at most 1000 bytes.",
    });
    expect(declared.bodyUsed).toBe(false);
  });

  it("stops reading a body of unknown length as soon as it passes the limit", async () => {
    let pulled = 0;
    const chunks = Array.from({ length: 100 }, () => new Uint8Array(300).fill(120));
    await expect(
      readLimitedText(
        streamed(chunks, () => pulled++),
        LIMIT,
      ),
    ).rejects.toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(pulled).toBeLessThan(10);
  });

  it("reads no body as an empty text", async () => {
    expect(await readLimitedText(new Request("http://duet.test/api/rooms", { method: "POST" }), LIMIT)).toBe("");
  });
});
