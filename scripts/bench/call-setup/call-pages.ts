import path from "node:path";
import type { Browser, BrowserContext, BrowserContextOptions, Page } from "playwright-core";

const PROBE = path.join(__dirname, "in-page-probe.js");

/** What in-page-probe.js adds to each page. */
declare global {
  interface Window {
    __bench: { connectedAt: number | null; frameAt: number | null; steps: Record<string, number> };
    __benchReady(): boolean;
    __benchJoin(): number;
  }
}

/** Two people's pages in one room, both ready to join; the first has joined and waits alone. */
export interface CallRoom {
  first: Page;
  second: Page;
  close(): Promise<void>;
}

export interface Person {
  context: BrowserContext;
  page: Page;
}

/** A person's own browser profile, with the bench's probe installed before the page's scripts. */
export async function openPerson(browser: Browser, options: BrowserContextOptions = {}): Promise<Person> {
  const context = await browser.newContext({ ...options, permissions: ["camera", "microphone"] });
  await context.addInitScript({ path: PROBE });
  return { context, page: await context.newPage() };
}

/** How long a page must have had no HTTP request in flight to count as settled. */
const QUIET_MS = 500;

/**
 * Loads `url` and waits until its Join call button can be pressed with the camera running, and
 * the page has settled: a person clicks Join seconds after the page appears, not while it is
 * still prefetching its links (Next fetches each visible <Link>'s payload once idle).
 */
export async function loadReadyToJoin(page: Page, url: string): Promise<void> {
  let inFlight = 0;
  let lastActivity = Date.now();
  const started = () => {
    inFlight++;
    lastActivity = Date.now();
  };
  const ended = () => {
    inFlight--;
    lastActivity = Date.now();
  };
  page.on("request", started);
  page.on("requestfinished", ended);
  page.on("requestfailed", ended);
  // A <video> holding an empty stream can hold the load event for 30 s.
  await page.goto(url, { waitUntil: "domcontentloaded" });
  // Functions, not strings: Duet's CSP refuses the eval a string predicate needs.
  await page.waitForFunction(() => window.__benchReady(), null, { timeout: 30_000 });
  while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(50);
  page.off("request", started);
  page.off("requestfinished", ended);
  page.off("requestfailed", ended);
}

/** The first person joins and is alone in the call. */
export async function joinAlone(page: Page): Promise<void> {
  await page.evaluate(() => window.__benchJoin());
  await page.getByTestId("call-status").filter({ hasText: "You're in the call" }).waitFor({ timeout: 30_000 });
}

export async function closeAll(people: Person[]): Promise<void> {
  await Promise.all(people.map((person) => person.context.close()));
}
