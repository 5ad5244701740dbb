/** @jest-environment jsdom */
import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { ExportLinks } from "@/app/history/[id]/ExportLinks";
import { fileNameOf } from "@/lib/client/history/download-export";

describe("the export links", () => {
  it("say on the page why an export was refused, instead of downloading the refusal", async () => {
    const refusal = { error: { code: "RATE_LIMITED", message: "Too many exports. Try again in 42 minutes.", retryAfterMs: 2_520_000 } };
    Object.assign(globalThis, { fetch: jest.fn().mockResolvedValue({ ok: false, status: 429, json: async () => refusal }) });
    render(<ExportLinks roomId="r1" />);

    await userEvent.click(screen.getByRole("link", { name: "Markdown" }));

    expect(await screen.findByRole("alert")).toHaveTextContent("Too many exports. Try again in 42 minutes.");
    expect(screen.getByRole("link", { name: "Markdown" })).toHaveAttribute("href", expect.stringContaining("/api/rooms/r1/export?format=markdown"));
  });
});

describe("fileNameOf", () => {
  it("takes the name as written (filename*) over the plain ASCII one", () => {
    expect(fileNameOf(`attachment; filename="Caf-2026-11-27.md"; filename*=UTF-8''Caf%C3%A9-2026-11-27.md`)).toBe("Café-2026-11-27.md");
    expect(fileNameOf(`attachment; filename="Standup-2026-11-27.json"`)).toBe("Standup-2026-11-27.json");
    expect(fileNameOf(null)).toBeNull();
  });
});
