import { expect, test } from "../support/test";
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { ZRoomExport } from "../../../lib/shared/room-export";
import { expectRemoteMediaPlaying } from "../support/call-probe";
import { connectToRoom } from "../support/room-socket";
import { createRoomThroughApi, goto, joinRoomByLink, newPerson, sendChat, signUpThroughApi, type Person } from "../support/people";

const base = () => process.env.DUET_E2E_URL!;
const SCREENSHOT = path.resolve(__dirname, "../../../docs/screenshots/history-375.png");
const cookieOf = async (person: Person) => (await person.context.cookies(base())).map(({ name, value }) => `${name}=${value}`).join("; ");

test("after a call and a chat, the history shows the call with its length and path, finds a message and links to it, exports both formats, and reads on a phone", async ({
  browser,
}) => {
  // One journey through a real call, 62 messages, search, both exports and a phone: on a busy
  // 2-core machine it took 124 s with every step passing, past the default 120 s.
  test.setTimeout(240_000);
  const ada = await newPerson(browser, "Ada");
  const ben = await newPerson(browser, "Ben");
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const roomId = await createRoomThroughApi(ada, "Quarterly review");
  await goto(ada.page, `/rooms/${roomId}`);
  await joinRoomByLink(ben, `/rooms/${roomId}`);
  await expect(ben.page.getByRole("heading", { name: "Quarterly review" })).toBeVisible();

  await test.step("a real call between the two, a few messages, and a hang-up", async () => {
    await Promise.all([ada.page, ben.page].map((page) => expect(page.getByRole("button", { name: "Join call" })).toBeEnabled()));
    await Promise.all([ada.page, ben.page].map((page) => page.getByRole("button", { name: "Join call" }).click()));
    await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
    await sendChat(ada, "Shall we look at the quokka budget?");
    await sendChat(ben, "Yes, after lunch");
    await ben.page.getByRole("button", { name: "Leave call" }).click();
    await expect(ada.page.getByTestId("call-status")).toHaveText("Ben left the call");
  });

  await test.step("more chat afterwards, so that the message is far from the newest page", async () => {
    await Promise.all([goto(ada.page, "/history"), goto(ben.page, "/history")]);
    const socket = await connectToRoom(base(), roomId, await cookieOf(ben));
    for (let i = 0; i < 60; i += 1)
      expect(await socket.emitWithAck("chat:send", { clientId: randomUUID(), body: `later note ${i}` })).toMatchObject({ ok: true });
    socket.disconnect();
  });

  const history = ada.page.getByRole("main");
  await test.step("the history opens at the newest entries, the other person by name and mine as You", async () => {
    await goto(ada.page, `/history/${roomId}`);
    await expect(history.getByTestId("timeline-message").last()).toContainText("later note 59");
    await expect(history.getByTestId("timeline-message").last()).toContainText("Ben");
    await expect(history.getByTestId("timeline-message").filter({ hasText: "quokka" })).toHaveCount(0);
  });

  let permalink = "";
  await test.step("search finds the message with the word marked, and its link scrolls to it and highlights it", async () => {
    await ada.page.getByRole("searchbox", { name: "Search this room" }).fill("quokka");
    await ada.page.getByRole("button", { name: "Search" }).click();
    const result = history.getByTestId("search-result");
    await expect(result).toHaveCount(1);
    await expect(result.locator("mark")).toHaveText("quokka");
    await result.getByRole("link").click();
    await expect(ada.page).toHaveURL(/#m-[A-Za-z0-9]+$/);
    permalink = new URL(ada.page.url()).hash;
    const message = history.locator(`li${permalink}`);
    await expect(message).toHaveAttribute("data-highlighted", "true");
    await expect(message).toBeInViewport();
    await expect(message).toBeFocused();
    await expect(history.getByRole("listitem", { name: /^You .*Shall we look at the quokka budget\?$/ })).toBeVisible();
  });

  await test.step("the call is in the timeline: who, how long, and the connection path", async () => {
    const started = history.getByTestId("timeline-call").filter({ hasText: "Call started" });
    await expect(started).toContainText("You and Ben");
    const ended = history.getByTestId("timeline-call").filter({ hasText: "Call ended" });
    await expect(ended).toContainText(/\d+ (s|min)/);
    await expect(ended).toContainText("direct (UDP)");
    await expect(ended.locator("time")).toHaveAttribute("datetime", /^\d{4}-\d\d-\d\dT/);
    await expect(history.getByRole("heading", { level: 2 }).first()).toBeVisible();
  });

  await test.step("jumping to the call's day opens the timeline at that day's first entry", async () => {
    const day = (await history.getByTestId("timeline-call").first().locator("time").getAttribute("datetime"))!;
    const local = await ada.page.evaluate((iso) => {
      const date = new Date(iso);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, "0")}-${String(date.getDate()).padStart(2, "0")}`;
    }, day);
    await ada.page.getByLabel("Jump to date").fill(local);
    await ada.page.getByRole("button", { name: "Go" }).click();
    await expect(history.getByTestId("timeline-call").filter({ hasText: "Call started" })).toBeFocused();
  });

  await test.step("the export downloads Markdown to read and JSON of the documented shape", async () => {
    const [markdown] = await Promise.all([ada.page.waitForEvent("download"), history.getByRole("link", { name: "Markdown" }).click()]);
    // The name as written (filename*), the day of the export.
    expect(markdown.suggestedFilename()).toMatch(/^Quarterly review-\d{4}-\d\d-\d\d\.md$/);
    const text = await readFile((await markdown.path())!, "utf8");
    expect(text).toContain("# Quarterly review");
    expect(text).toMatch(/· Ada\*\* {2}\nShall we look at the quokka budget\?/);
    expect(text).toMatch(/Call ended\*\* · \d+ (s|min)/);
    expect(text).toContain("later note 59");

    const [json] = await Promise.all([ada.page.waitForEvent("download"), history.getByRole("link", { name: "JSON" }).click()]);
    const document = ZRoomExport.parse(JSON.parse(await readFile((await json.path())!, "utf8")));
    expect(document.entries.filter((entry) => entry.type === "message")).toHaveLength(62);
    const call = document.entries.find((entry) => entry.type === "call");
    expect(call).toMatchObject({ type: "call", endReason: "hung-up", durationMs: expect.any(Number) });
    expect(call?.type === "call" && call.participants.map(({ quality }) => quality?.path)).toEqual(["direct", "direct"]);
  });

  await test.step("on a 375 px phone the permalink opens readable, without sideways scrolling", async () => {
    await ben.page.setViewportSize({ width: 375, height: 740 });
    await goto(ben.page, `/history/${roomId}${permalink}`);
    const message = ben.page.locator(`li${permalink}`);
    await expect(message).toHaveAttribute("data-highlighted", "true");
    await expect(message).toBeInViewport();
    await expect(ben.page.getByRole("listitem", { name: /^You .*Yes, after lunch$/ })).toBeVisible();
    expect(await ben.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await ben.page.screenshot({ path: SCREENSHOT });
  });

  await Promise.all([ada.context.close(), ben.context.close()]);
});
