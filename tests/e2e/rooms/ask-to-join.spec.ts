import { expect, test } from "../support/test";
import { createRoomThroughApi, goto, newPerson, signUpThroughApi } from "../support/people";

test("opening a room's link signed in shows whose room it is, and takes no seat until Join is clicked", async ({ browser }) => {
  const [olga, nia, noor] = await Promise.all([newPerson(browser, "Olga"), newPerson(browser, "Nia"), newPerson(browser, "Noor")]);
  await Promise.all([olga, nia, noor].map(signUpThroughApi));
  const roomId = await createRoomThroughApi(olga, "Portfolio review");
  const link = `/rooms/${roomId}`;
  await goto(olga.page, link);
  await expect(olga.page.getByRole("button", { name: "Join call" })).toBeEnabled();

  await test.step("Nia opens the link: an invitation naming the room and its owner, not the room", async () => {
    await goto(nia.page, link);
    await expect(nia.page.getByText("Olga invited you to")).toBeVisible();
    await expect(nia.page.getByRole("heading", { name: "Portfolio review" })).toBeVisible();
    await expect(nia.page.getByRole("button", { name: "Join this room as Nia" })).toBeVisible();
    await expect(nia.page.getByRole("button", { name: "Join call" })).toHaveCount(0);
  });

  await test.step("neither that visit, nor opening the link again, nor a prefetch of it took the seat", async () => {
    const prefetch = { RSC: "1", "Next-Router-Prefetch": "1", "Sec-Purpose": "prefetch" };
    for (const headers of [{}, prefetch]) expect((await nia.context.request.get(link, { headers })).status()).toBe(200);
    const { rooms } = (await (await olga.context.request.get("/api/rooms")).json()) as {
      rooms: Array<{ id: string; members: Array<{ name: string }> }>;
    };
    expect(rooms.find((room) => room.id === roomId)?.members.map((member) => member.name)).toEqual(["Olga"]);
    await goto(noor.page, link);
    await expect(noor.page.getByRole("button", { name: "Join this room as Noor" })).toBeVisible();
  });

  await test.step("Nia clicks Join: she is in the room, and Olga's open room names her", async () => {
    await nia.page.getByRole("button", { name: "Join this room as Nia" }).click();
    await expect(nia.page.getByRole("button", { name: "Join call" })).toBeEnabled();
    await expect(olga.page.getByRole("status").filter({ hasText: "Nia joined this room." })).toBeVisible();
  });

  await test.step("Noor, whose invitation is still on screen, is told in words that the room is full", async () => {
    await noor.page.getByRole("button", { name: "Join this room as Noor" }).click();
    await expect(noor.page.getByRole("main").getByRole("alert")).toHaveText(
      "This room is for two people: it already has both, or the link is wrong.",
    );
    await goto(noor.page, link);
    await expect(noor.page.getByRole("heading", { name: "This room is for two people" })).toBeVisible();
  });

  await Promise.all([olga, nia, noor].map((person) => person.context.close()));
});

test("someone who opened a link with the wrong account can sign in as someone else, and comes back to the invitation", async ({ browser }) => {
  const [olga, work] = await Promise.all([newPerson(browser, "Olga"), newPerson(browser, "Nia")]);
  await Promise.all([signUpThroughApi(olga), signUpThroughApi(work)]);
  const link = `/rooms/${await createRoomThroughApi(olga, "Family call")}`;
  await goto(work.page, link);
  await work.page.getByRole("button", { name: "Sign in as someone else" }).click();
  await expect(work.page).toHaveURL((url) => url.pathname === "/signin" && url.searchParams.get("callbackUrl") === link);
  const { rooms } = (await (await olga.context.request.get("/api/rooms")).json()) as { rooms: Array<{ members: unknown[] }> };
  expect(rooms[0]?.members).toHaveLength(1);
  await Promise.all([olga.context.close(), work.context.close()]);
});

test("another web site cannot make a signed-in person join a room, even knowing its link", async ({ browser }) => {
  const [olga, nia] = await Promise.all([newPerson(browser, "Olga"), newPerson(browser, "Nia")]);
  await Promise.all([signUpThroughApi(olga), signUpThroughApi(nia)]);
  const roomId = await createRoomThroughApi(olga, "Not for strangers");
  const target = `${process.env.DUET_E2E_URL}/api/rooms/${roomId}/membership`;
  // A page of another site, in Nia's signed-in browser.
  await nia.page.route("http://elsewhere.test/**", (route) =>
    route.fulfill({ contentType: "text/html", body: "<!doctype html><title>Elsewhere</title>" }),
  );
  await nia.page.goto("http://elsewhere.test/");
  const outcome = await nia.page.evaluate(async (url) => {
    try {
      const response = await fetch(url, { method: "PUT", credentials: "include" });
      return `answered ${response.status}`;
    } catch {
      return "refused by the browser";
    }
  }, target);
  expect(outcome).toBe("refused by the browser");
  const { rooms } = (await (await olga.context.request.get("/api/rooms")).json()) as { rooms: Array<{ members: unknown[] }> };
  expect(rooms[0]?.members).toHaveLength(1);
  await Promise.all([olga.context.close(), nia.context.close()]);
});
