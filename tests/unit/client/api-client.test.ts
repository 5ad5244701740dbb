import { apiFetch } from "@/lib/client/api-client";

/** The next fetch answers with `body` and `status`, as a proxy in front of Duet might. */
function answer(status: number, body: string, contentType = "text/html"): void {
  jest.spyOn(globalThis, "fetch").mockResolvedValueOnce(new Response(body, { status, headers: { "Content-Type": contentType } }));
}

describe("apiFetch", () => {
  afterEach(() => jest.restoreAllMocks());

  it("passes on Duet's own error: its code, message and fields", async () => {
    answer(422, JSON.stringify({ error: { code: "VALIDATION", message: "Name a room.", fields: { name: "Required" } } }), "application/json");
    await expect(apiFetch("/api/rooms")).rejects.toMatchObject({ code: "VALIDATION", message: "Name a room.", fields: { name: "Required" } });
  });

  it("says Duet can't be reached, not a status code, when a proxy answers 502 while Duet restarts", async () => {
    answer(502, "<html><body>502 Bad Gateway</body></html>");
    await expect(apiFetch("/api/rooms")).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "Duet can't be reached right now (it may be restarting). Try again in a moment.",
    });
  });

  it("says a body a proxy refused as too large is too large", async () => {
    answer(413, "<html>413 Request Entity Too Large</html>");
    await expect(apiFetch("/api/rooms", { method: "POST", body: "{}" })).rejects.toMatchObject({
      code: "PAYLOAD_TOO_LARGE",
      message: "That is too large to send.",
    });
  });

  it("never shows a bare status for any other reply that is not Duet's", async () => {
    answer(404, "Not here");
    const error = (await apiFetch("/api/rooms").catch((caught: unknown) => caught)) as Error;
    expect(error.message).not.toMatch(/\d{3}/);
  });

  it("says the connection is down when the request never got an answer", async () => {
    jest.spyOn(globalThis, "fetch").mockRejectedValueOnce(new TypeError("Failed to fetch"));
    await expect(apiFetch("/api/rooms")).rejects.toMatchObject({
      code: "UNAVAILABLE",
      message: "Can't reach Duet. Check your connection and try again.",
    });
  });
});
