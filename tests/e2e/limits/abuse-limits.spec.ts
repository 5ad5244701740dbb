import { expect, test } from "../support/test";
import { startDuet, type DuetProcess } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { createRoomThroughApi, goto, newPerson, signUpThroughApi } from "../support/people";

// Low limits, so each is reached in a few requests. Every request here comes from 127.0.0.1.
const LIMITS = {
  RATE_LIMIT_SIGN_UP_IP: "3/1h",
  RATE_LIMIT_ROOM_CREATE: "2/1h",
  RATE_LIMIT_TURN: "2/1m",
  RATE_LIMIT_SIGN_IN_ACCOUNT_IP: "3/15m",
  RATE_LIMIT_ACCOUNT: "2/15m",
  RATE_LIMIT_HISTORY: "3/1m",
};

let duet: DuetProcess;
let signUps: DuetProcess;
let proxied: DuetProcess;

test.beforeAll(async () => {
  // Sign-ups get a Duet of their own: the other tests sign people up to seed them.
  [duet, signUps, proxied] = [
    await startDuet({ port: await freePort(), env: { ...LIMITS, RATE_LIMIT_SIGN_UP_IP: "100/1h" } }),
    await startDuet({ port: await freePort(), env: LIMITS }),
    await startDuet({ port: await freePort(), env: { ...LIMITS, RATE_LIMIT_SIGN_UP_IP: "1/1h", TRUST_PROXY: "true" } }),
  ];
});

test.afterAll(async () => {
  await Promise.all([duet?.stop(), signUps?.stop(), proxied?.stop()]);
});

const signUp = (base: string, i: number, headers: Record<string, string> = {}) =>
  fetch(`${base}/api/users`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...headers },
    body: JSON.stringify({ name: `Person ${i}`, email: `person-${i}-${Date.now()}@example.test`, password: "a long enough password" }),
  });

const rateLimitedBody = (message: RegExp) => ({
  error: { code: "RATE_LIMITED", message: expect.stringMatching(message), retryAfterMs: expect.any(Number) },
});

test("refuses sign-ups beyond the limit from one address with 429 and Retry-After, whatever address the request claims", async () => {
  for (let i = 0; i < 3; i++) expect((await signUp(signUps.url, i)).status).toBe(201);
  // TRUST_PROXY is off: neither a forwarded address nor Duet's own header changes who is asking.
  const refused = await signUp(signUps.url, 3, { "X-Forwarded-For": "203.0.113.7", "X-Duet-Client-Ip": "203.0.113.8" });
  expect(refused.status).toBe(429);
  expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(59 * 60);
  expect(await refused.json()).toEqual(rateLimitedBody(/^Too many new accounts from your network\. Try again in 1 hour\.$/));
});

test("refuses room creation beyond the limit with 429, and the create-room form says when to try again", async ({ browser }) => {
  const host = await newPerson(browser, "Host", duet.url);
  await signUpThroughApi(host);
  for (const name of ["One", "Two"]) expect((await host.context.request.post("/api/rooms", { data: { name } })).status()).toBe(201);
  const refused = await host.context.request.post("/api/rooms", { data: { name: "Three" } });
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toEqual(rateLimitedBody(/^You have created many rooms in a short time\. Try again in 1 hour\.$/));

  await goto(host.page, "/");
  await host.page.getByLabel("Room name").fill("Four");
  await host.page.getByRole("button", { name: "Create room" }).click();
  await expect(host.page.getByText("You have created many rooms in a short time. Try again in 1 hour.")).toBeVisible();
  await host.context.close();
});

test("refuses TURN credential requests beyond the limit with 429 and Retry-After", async ({ browser }) => {
  const member = await newPerson(browser, "Member", duet.url);
  await signUpThroughApi(member);
  const roomId = await createRoomThroughApi(member, "Calls");
  for (let i = 0; i < 2; i++) expect((await member.context.request.get(`/api/turn?room=${roomId}`)).status()).toBe(200);
  const refused = await member.context.request.get(`/api/turn?room=${roomId}`);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toEqual(rateLimitedBody(/^Too many requests for connection details\. Try again in \d+ (seconds?|minute)\.$/));
  await member.context.close();
});

test("refuses history pages beyond the limit with 429, the chat's pages and the timeline's from one allowance", async ({ browser }) => {
  const member = await newPerson(browser, "Reader", duet.url);
  await signUpThroughApi(member);
  const roomId = await createRoomThroughApi(member, "Archive");
  for (const page of ["messages", "timeline", "messages"])
    expect((await member.context.request.get(`/api/rooms/${roomId}/${page}`)).status()).toBe(200);
  const refused = await member.context.request.get(`/api/rooms/${roomId}/messages`);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await refused.json()).toEqual(rateLimitedBody(/^You are paging through history very fast\. Try again in \d+ (seconds?|minute)\.$/));
  await member.context.close();
});

test("after too many wrong passwords the sign-in page says when to try again, even for the right one", async ({ browser }) => {
  const owner = await newPerson(browser, "Owner", duet.url);
  await signUpThroughApi(owner);
  const guesser = await newPerson(browser, "Guesser", duet.url);
  const attempt = async (password: string) => {
    await goto(guesser.page, "/signin");
    await guesser.page.getByLabel("Email").fill(owner.email);
    await guesser.page.getByLabel("Password").fill(password);
    await guesser.page.getByRole("button", { name: "Sign in" }).click();
    const alert = guesser.page.locator("form").getByRole("alert");
    await expect(alert).toBeVisible();
    return alert.textContent();
  };
  for (let i = 0; i < 3; i++) expect(await attempt(`wrong guess ${i}`)).toBe("That email and password don't match an account.");
  expect(await attempt("wrong guess 3")).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  expect(await attempt(owner.password)).toBe("Too many sign-in attempts. Try again in 15 minutes.");
  await Promise.all([owner.context.close(), guesser.context.close()]);
});

test("after too many password-change attempts the account page says when to try again, even with the right password", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada", duet.url);
  await signUpThroughApi(ada);
  await goto(ada.page, "/account");
  const attempt = async (currentPassword: string) => {
    await ada.page.getByLabel("Current password").fill(currentPassword);
    await ada.page.getByLabel("New password").fill("a brand new password");
    await ada.page.getByRole("button", { name: "Change password" }).click();
  };
  for (let i = 0; i < 2; i++) {
    await attempt(`wrong guess ${i}`);
    await expect(ada.page.getByText("That is not your current password")).toBeVisible();
  }
  await attempt(ada.password);
  await expect(ada.page.getByRole("alert").filter({ hasText: "Too many changes to your account. Try again in 15 minutes." })).toBeVisible();
  await ada.context.close();
});

test("behind a trusted proxy, counts each forwarded client address on its own", async () => {
  // The proxy appends the address it saw; whatever the client sent before it is ignored.
  const from = (address: string) => ({ "X-Forwarded-For": `10.9.9.9, ${address}` });
  expect((await signUp(proxied.url, 1, from("203.0.113.1"))).status).toBe(201);
  expect((await signUp(proxied.url, 2, from("203.0.113.1"))).status).toBe(429);
  expect((await signUp(proxied.url, 3, from("203.0.113.2"))).status).toBe(201);
});

test("refuses realtime connections beyond the limit, and the room says when to try again and then reconnects", async ({ browser }) => {
  // One handshake per 10 s: the first opening of the room connects, a reload within the window
  // is refused (over WebSocket, then over long-polling, whose body the page reads).
  const handshakes = await startDuet({ port: await freePort(), env: { RATE_LIMIT_HANDSHAKE_IP: "1/10s" } });
  const host = await newPerson(browser, "Host", handshakes.url);
  try {
    await signUpThroughApi(host);
    const roomId = await createRoomThroughApi(host, "Busy room");
    const joinCall = host.page.getByRole("button", { name: "Join call" });
    await goto(host.page, `/rooms/${roomId}`);
    await expect(joinCall).toBeEnabled();

    await goto(host.page, `/rooms/${roomId}`);
    await expect(host.page.getByRole("alert").filter({ hasText: "Too many connections" })).toHaveText(
      /^Too many connections from your network\. Try again in (\d+ seconds?|1 minute)\.$/,
    );
    await expect(joinCall).toBeDisabled();
    // The page tries again when the window ends, without a reload.
    await expect(joinCall).toBeEnabled({ timeout: 15_000 });
    await expect(host.page.getByText("Too many connections")).toHaveCount(0);
  } finally {
    await host.context.close();
    await handshakes.stop();
  }
});
