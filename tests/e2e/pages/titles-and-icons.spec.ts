import { randomBytes } from "node:crypto";
import { createRoomThroughApi, goto, newPerson, signUpThroughApi } from "../support/people";
import { BASELINE_CSP, expectBaselineHeaders } from "../support/security-headers";
import { expect, test } from "../support/test";

const base = () => process.env.DUET_E2E_URL!;

test("signed out, each tab names its page", async ({ browser }) => {
  const visitor = await newPerson(browser, "Visitor");
  const titles: Array<[string, string]> = [
    ["/", "Duet — video calls for two"],
    ["/signin", "Sign in — Duet"],
    ["/signup", "Sign up — Duet"],
    ["/no-such-page", "Page not found — Duet"],
  ];
  for (const [path, title] of titles) {
    await goto(visitor.page, path);
    await expect(visitor.page, path).toHaveTitle(title);
  }
  await visitor.context.close();
});

test("signed in, each tab names its page, and a room's tab names the room for its members only", async ({ browser }) => {
  const tag = randomBytes(3).toString("hex");
  const roomName = `Standup ${tag}`;
  const host = await newPerson(browser, "Hugo");
  const guest = await newPerson(browser, "Greta");
  const outsider = await newPerson(browser, "Olaf");
  await Promise.all([signUpThroughApi(host), signUpThroughApi(guest), signUpThroughApi(outsider)]);
  const roomId = await createRoomThroughApi(host, roomName);

  const titles: Array<[string, string]> = [
    ["/", "Your rooms — Duet"],
    ["/history", "Chat history — Duet"],
    ["/account", "Your account — Duet"],
    ["/check", "Connection check — Duet"],
    [`/rooms/${roomId}`, `${roomName} — Duet`],
    [`/history/${roomId}`, `${roomName} · history — Duet`],
  ];
  for (const [path, title] of titles) {
    await goto(host.page, path);
    await expect(host.page, path).toHaveTitle(title);
  }

  await test.step("the invitation's tab does not name the room; once the guest joins, it does", async () => {
    await goto(guest.page, `/rooms/${roomId}`);
    await expect(guest.page).toHaveTitle("Invitation to a room — Duet");
    await guest.page.getByRole("button", { name: "Join this room as Greta" }).click();
    await expect(guest.page.getByRole("button", { name: "Join call" })).toBeVisible();
    await expect(guest.page).toHaveTitle(`${roomName} — Duet`);
  });

  await test.step("someone outside the full room gets the same tab as for a link that leads nowhere", async () => {
    for (const path of [`/rooms/${roomId}`, "/rooms/AAAAAAAAAAAAAAAAAAAAAA", `/history/${roomId}`]) {
      await goto(outsider.page, path);
      await expect(outsider.page, path).toHaveTitle(path.startsWith("/rooms/") ? "Room unavailable — Duet" : "Page not found — Duet");
      expect(await outsider.page.content(), path).not.toContain(tag);
    }
  });
  await Promise.all([host, guest, outsider].map((person) => person.context.close()));
});

test("every page links an icon and a web app manifest, both served with Duet's security headers", async () => {
  const html = await (await fetch(`${base()}/signin`)).text();
  const iconHref = /<link rel="icon" href="([^"]+)"[^>]*type="image\/svg\+xml"/.exec(html)?.[1];
  const manifestHref = /<link rel="manifest" href="([^"]+)"/.exec(html)?.[1];
  expect(iconHref).toMatch(/^\/icon\.svg(\?|$)/);
  expect(manifestHref).toBe("/manifest.webmanifest");

  const icon = await fetch(`${base()}${iconHref}`);
  expect(icon.status).toBe(200);
  expect(icon.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
  expect(await icon.text()).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  expectBaselineHeaders(icon.headers, "icon");
  expect(icon.headers.get("content-security-policy")).toBe(BASELINE_CSP);

  const manifest = await fetch(`${base()}${manifestHref}`);
  expect(manifest.status).toBe(200);
  expect(manifest.headers.get("content-type")).toMatch(/^application\/manifest\+json/);
  expectBaselineHeaders(manifest.headers, "manifest");
  expect(manifest.headers.get("content-security-policy")).toBe(BASELINE_CSP);
  expect(await manifest.json()).toMatchObject({
    name: "Duet",
    start_url: "/",
    display: "standalone",
    icons: [{ src: "/icon.svg", type: "image/svg+xml" }],
  });
});
