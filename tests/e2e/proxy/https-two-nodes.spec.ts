import type { Browser, LaunchOptions, Page } from "@playwright/test";
import { expect, test } from "../support/test";
import { guardAgainstCspViolations } from "../support/csp-guard";
import { expectRemoteMediaPlaying, mediaFlow, recordPeerConnections } from "../support/call-probe";
import { createRoomThroughForm, joinByLinkAsNewUser, lastMessage, sendChat, signUpThroughForm, type Person } from "../support/people";
import { io } from "socket.io-client";
import { REALTIME_PATH } from "../../../lib/shared/realtime-events";
import { startProxiedDuet, type ProxiedDuet } from "./proxied-duet";

const SESSION_COOKIE = "__Secure-next-auth.session-token";

let stack: ProxiedDuet | undefined;
const browsers: Browser[] = [];

test.beforeAll(async () => {
  stack = await startProxiedDuet();
});

test.afterAll(async () => {
  await Promise.all(browsers.map((browser) => browser.close()));
  await stack?.stop();
});

test("two people on two nodes call each other over HTTPS through the shipped nginx config", async ({ playwright, launchOptions }) => {
  const { site, nginx, nodeFor } = stack!;
  // One browser per person, each reaching "localhost" from its own loopback address, so
  // nginx's sticky hash (on the client address) puts the two people on different nodes.
  const launch = async (address: string) => {
    const browser = await playwright.chromium.launch(withArgs(launchOptions, `--host-resolver-rules=MAP localhost ${address}`));
    browsers.push(browser);
    return browser;
  };
  const ada = await personAt(await launch("127.0.0.1"), site, "Ada");
  const ben = await personAt(await launch("[::1]"), site, "Ben");

  await test.step("plain HTTP redirects to HTTPS; HTTPS answers with HSTS and the proxy's request id", async () => {
    const redirect = await ada.context.request.get(`${nginx.httpUrl}/signup?from=http`, { maxRedirects: 0 });
    expect(redirect.status()).toBe(301);
    // $host carries no port: in production HTTPS is on 443.
    expect(redirect.headers().location).toBe("https://localhost/signup?from=http");
    const page = await ada.page.goto("/signup", { waitUntil: "domcontentloaded" });
    expect(page?.headers()["strict-transport-security"]).toMatch(/^max-age=\d{8,}; includeSubDomains$/);
    // With TRUST_PROXY=true Duet adopts nginx's $request_id (32 hex digits; its own are UUIDs).
    expect(page?.headers()["x-request-id"]).toMatch(/^[0-9a-f]{32}$/);
  });

  await test.step("the host signs up over HTTPS and gets a Secure session cookie", async () => {
    await signUpThroughForm(ada);
    await expect(ada.page.getByRole("heading", { name: "Your rooms" })).toBeVisible();
    const cookie = (await ada.context.cookies()).find(({ name }) => name === SESSION_COOKIE);
    expect(cookie, `${SESSION_COOKIE} should be set`).toMatchObject({ secure: true, httpOnly: true });
  });

  const link = await createRoomThroughForm(ada, "Through the proxy");
  expect(link).toMatch(new RegExp(`^${site}/rooms/[A-Za-z0-9_-]{22}$`));

  await test.step("the guest opens the link signed out, signs up, and lands in the room", async () => {
    await joinByLinkAsNewUser(ben, link);
    expect((await ben.context.cookies()).find(({ name }) => name === SESSION_COOKIE)?.secure).toBe(true);
  });

  await test.step("both join and each sees and hears the other", async () => {
    const pages = [ada.page, ben.page];
    await Promise.all(pages.map((page) => expect(page.getByRole("button", { name: "Join call" })).toBeEnabled()));
    const clickedAt = Date.now();
    await Promise.all(pages.map((page) => page.getByRole("button", { name: "Join call" }).click()));
    await expect
      .poll(async () => (await Promise.all(pages.map(mediaFlow))).every((flow) => flow.connectionState === "connected"), { intervals: [50] })
      .toBe(true);
    const connectedMs = Date.now() - clickedAt;
    await Promise.all(pages.map(expectRemoteMediaPlaying));
    const playingMs = Date.now() - clickedAt;
    test
      .info()
      .annotations.push(
        { type: "join-to-connected-ms", description: String(connectedMs) },
        { type: "join-to-media-ms", description: String(playingMs) },
      );
    console.log(`[measure] via nginx: both joined → both connected ${connectedMs} ms, → media playing both ways ${playingMs} ms`);
  });

  await test.step("chat flows both ways", async () => {
    await sendChat(ada, "Hello through nginx");
    await expect(lastMessage(ben)).toContainText("Hello through nginx");
    await sendChat(ben, "Loud and clear");
    await expect(lastMessage(ada)).toContainText("Loud and clear");
  });

  await test.step("signaling and chat rode a WebSocket through nginx, never long-polling", async () => {
    for (const person of [ada, ben]) {
      const sockets = person.sockets.websockets.filter(({ url }) => url.startsWith(`wss://localhost:${new URL(site).port}/socket.io/`));
      expect(sockets.map(({ url }) => url)).toContainEqual(expect.stringContaining("transport=websocket"));
      expect(sockets.some(({ framesReceived }) => framesReceived > 0)).toBe(true);
      expect(person.sockets.pollingRequests).toEqual([]);
    }
  });

  const adaCookie = (await ada.context.cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  await Promise.all([ada.context.close(), ben.context.close()]);

  await test.step("the long-polling fallback works through nginx too", async () => {
    // Many requests, one session id: it connects only if nginx keeps them on one node.
    await expect(connectByPolling(link, adaCookie, nginx.certPem)).resolves.toBe("polling");
  });

  await test.step("nginx kept each person on one node, and the two on different nodes", async () => {
    // A WebSocket is logged when it closes, which closing the contexts has done.
    await expect.poll(() => nginx.accessLog().filter((line) => / 101 upstream=/.test(line)).length, { intervals: [50] }).toBeGreaterThanOrEqual(2);
    const nodesSeenBy = (client: string) =>
      new Set(
        nginx
          .accessLog()
          .filter((line) => line.startsWith(`${client} `))
          // "-" when nginx answered itself (the redirect); "a, b" if it had to retry elsewhere.
          .flatMap((line) => (/ upstream=(.+)$/.exec(line)?.[1] ?? "-").split(", "))
          .filter((upstream) => upstream !== "-"),
      );
    expect([...nodesSeenBy("127.0.0.1")], "Ada's requests (from 127.0.0.1)").toEqual([nodeFor["127.0.0.1"]]);
    expect([...nodesSeenBy("::1")], "Ben's requests (from ::1)").toEqual([nodeFor["::1"]]);
    expect(nodeFor["127.0.0.1"]).not.toBe(nodeFor["::1"]);
    console.log(`[measure] ${nginx.accessLog().length} requests through nginx: Ada → ${nodeFor["127.0.0.1"]}, Ben → ${nodeFor["::1"]}`);
  });
});

interface SocketLog {
  websockets: Array<{ url: string; framesReceived: number }>;
  pollingRequests: string[];
}

function withArgs(options: LaunchOptions, ...args: string[]): LaunchOptions {
  return { ...options, args: [...(options.args ?? []), ...args] };
}

/** A person with their own browser profile that accepts the test's self-signed certificate. */
async function personAt(browser: Browser, site: string, name: string): Promise<Person & { sockets: SocketLog }> {
  const context = await browser.newContext({ baseURL: site, ignoreHTTPSErrors: true, permissions: ["camera", "microphone"] });
  await guardAgainstCspViolations(context);
  const page = await context.newPage();
  await recordPeerConnections(page);
  return {
    name,
    email: `${name.toLowerCase()}-${Date.now()}@example.test`,
    password: "a long enough password",
    context,
    page,
    sockets: watchSockets(page),
  };
}

function watchSockets(page: Page): SocketLog {
  const log: SocketLog = { websockets: [], pollingRequests: [] };
  page.on("websocket", (socket) => {
    const entry = { url: socket.url(), framesReceived: 0 };
    log.websockets.push(entry);
    socket.on("framereceived", () => (entry.framesReceived += 1));
  });
  page.on("request", (request) => {
    if (request.url().includes("/socket.io/") && request.url().includes("transport=polling")) log.pollingRequests.push(request.url());
  });
  return log;
}

/** Joins the room's namespace as a member over HTTP long-polling only; resolves with the transport used. */
function connectByPolling(link: string, cookie: string, ca: string): Promise<string> {
  const url = new URL(link);
  return new Promise((resolve, reject) => {
    const socket = io(`${url.origin}${url.pathname}`, {
      // One connection per origin is socket.io-client's default; this one must be its own.
      forceNew: true,
      path: REALTIME_PATH,
      transports: ["polling"],
      upgrade: false,
      ca,
      extraHeaders: { cookie, origin: url.origin },
      reconnection: false,
    });
    socket.on("connect", () => {
      const transport = socket.io.engine.transport.name;
      socket.disconnect();
      resolve(transport);
    });
    socket.on("connect_error", (error) => {
      socket.disconnect();
      reject(error);
    });
  });
}
