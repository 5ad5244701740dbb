import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { hashBuildInputs } from "../../../scripts/build/build-stamp";

describe("the build-input hash that decides whether `npm start` rebuilds", () => {
  let root: string;
  const write = (file: string, content: string) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
  };
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "duet-stamp-"));
    write("app/page.tsx", "export default function Page() { return null; }\n");
    write("lib/server/rooms/create-room.ts", "export const createRoom = 1;\n");
    write("package.json", "{}\n");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("changes when a source's content changes, or a source is added or renamed", async () => {
    const before = await hashBuildInputs(root);
    write("lib/server/rooms/create-room.ts", "export const createRoom = 2;\n");
    const edited = await hashBuildInputs(root);
    expect(edited).not.toBe(before);
    write("lib/shared/room.ts", "export {};\n");
    expect(await hashBuildInputs(root)).not.toBe(edited);
  });

  it("stays the same when only modification times change (a checkout, a stash, a copy)", async () => {
    const before = await hashBuildInputs(root);
    utimesSync(path.join(root, "app/page.tsx"), new Date(2001, 0, 1), new Date(2001, 0, 1));
    expect(await hashBuildInputs(root)).toBe(before);
  });

  it("ignores what the build writes itself and what it never reads", async () => {
    const before = await hashBuildInputs(root);
    write("lib/server/db/generated/sqlite/client.ts", "// generated\n");
    write("prisma/sqlite/schema.prisma", "// generated\n");
    write("tests/unit/some.test.ts", "test\n");
    write("data/duet.db", "rows\n");
    expect(await hashBuildInputs(root)).toBe(before);
  });
});
