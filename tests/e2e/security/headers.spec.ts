import { apiSignUp } from "../support/api-session";
import { goto, newPerson, signUpThroughApi } from "../support/people";
import { BASELINE_CSP, expectBaselineHeaders } from "../support/security-headers";
import { expect, test } from "../support/test";

const base = () => process.env.DUET_E2E_URL!;

test("a page, an API route, a build asset, a Socket.IO poll and its refusal all carry Duet's security headers", async () => {
  const page = await fetch(`${base()}/signin`);
  expect(page.status).toBe(200);
  expectBaselineHeaders(page.headers, "page");
  // One policy (fetch joins repeated headers with ", "), with this response's nonce on Next's scripts.
  const policy = page.headers.get("content-security-policy")!;
  expect(policy).not.toContain(", ");
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(policy)?.[1];
  expect(nonce).toBeDefined();
  expect(policy).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'; /);
  expect(policy).not.toContain("unsafe-eval");
  expect(policy).toContain(`connect-src 'self' ws://${new URL(base()).host} wss://${new URL(base()).host}`);
  expect(policy).toContain("frame-ancestors 'none'");
  const html = await page.text();
  expect(html).toContain(`nonce="${nonce}"`);
  const again = await fetch(`${base()}/signin`);
  expect(again.headers.get("content-security-policy")).not.toBe(policy);

  const api = await fetch(`${base()}/api/health`);
  expectBaselineHeaders(api.headers, "API route");
  expect(api.headers.get("content-security-policy")).toBe(BASELINE_CSP);

  const assetPath = /<script[^>]* src="(\/_next\/static\/[^"]+\.js)"/.exec(html)?.[1];
  expect(assetPath).toBeDefined();
  const asset = await fetch(`${base()}${assetPath}`);
  expect(asset.status).toBe(200);
  expectBaselineHeaders(asset.headers, "build asset");

  const { cookie } = await apiSignUp(base(), "Poller");
  const poll = await fetch(`${base()}/socket.io/?EIO=4&transport=polling`, { headers: { Cookie: cookie, Origin: new URL(base()).origin } });
  expect(poll.status).toBe(200);
  expectBaselineHeaders(poll.headers, "Socket.IO poll");
  const refused = await fetch(`${base()}/socket.io/?EIO=4&transport=polling`, { headers: { Origin: new URL(base()).origin } });
  expect(refused.status).toBe(401);
  expectBaselineHeaders(refused.headers, "Socket.IO refusal");
});

test("the sign-in and sign-up redirects of a signed-in person never leave the site", async () => {
  const { cookie } = await apiSignUp(base(), "Returner");
  for (const page of ["/signin", "/signup"]) {
    for (const callbackUrl of [
      "/%09/evil.example",
      "/%0a/evil.example",
      "/%0d/evil.example",
      "/%5Cevil.example",
      "//evil.example",
      "/.//evil.example",
    ]) {
      const response = await fetch(`${base()}${page}?callbackUrl=${callbackUrl}`, { headers: { Cookie: cookie }, redirect: "manual" });
      expect(response.status, `${page}?callbackUrl=${callbackUrl}`).toBe(307);
      expect(response.headers.get("location"), `${page}?callbackUrl=${callbackUrl}`).toBe("/");
    }
  }
  const kept = await fetch(`${base()}/signin?callbackUrl=%2Fhistory`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(kept.headers.get("location")).toBe("/history");
});

test("a room name with a NUL is a validation error, not a server error", async () => {
  const { cookie } = await apiSignUp(base(), "Namer");
  const response = await fetch(`${base()}/api/rooms`, {
    method: "POST",
    headers: { Cookie: cookie, "Content-Type": "application/json" },
    body: JSON.stringify({ name: "Stand\u0000up" }),
  });
  expect(response.status).toBe(422);
  expect(await response.json()).toMatchObject({ error: { code: "VALIDATION" } });
});

test("signing in and reading the room list and history break no policy", async ({ browser }) => {
  const ada = await newPerson(browser, "Ada");
  await signUpThroughApi(ada);
  await goto(ada.page, "/");
  await expect(ada.page.getByRole("heading", { name: "Your rooms" })).toBeVisible();
  await goto(ada.page, "/history");
  await expect(ada.page.getByRole("heading", { name: "Chat history" })).toBeVisible();
  await ada.context.close();
});
