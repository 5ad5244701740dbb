import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { createRoom, signedUpStorageState } from "./duet-account";
import type { Goal } from "./print-weights";

/** The empty Next app the issue's goals were written beside. */
const ISSUE_EMPTY_KB = 102;

export interface PageTarget {
  name: string;
  path: string;
  storageState?: BrowserContextOptions["storageState"];
  ready: (page: Page) => Promise<void>;
  /** The issue's goal for this page's cold-load JS; none for pages without one. */
  goal?: Goal;
}

const visible = (role: "heading" | "button", name: string) => (page: Page) => page.getByRole(role, { name }).waitFor({ timeout: 30_000 });

/**
 * Seeds what a signed-in member sees (an account with two rooms) through
 * Duet's own HTTP API, and lists the pages to weigh, each with what shows it is ready.
 */
export async function duetPages(browser: Browser, baseURL: string): Promise<PageTarget[]> {
  const signedIn = await signedUpStorageState(browser, baseURL, "Ada");
  const owner = await browser.newContext({ baseURL, storageState: signedIn });
  try {
    const roomId = await createRoom(owner.request, "Weekly 1:1");
    await createRoom(owner.request, "Design review");
    return [
      { name: "sign-in (signed out)", path: "/signin", ready: visible("button", "Sign in") },
      {
        name: "home (2 rooms)",
        path: "/",
        storageState: signedIn,
        ready: visible("heading", "Your rooms"),
        goal: { kb: 130, emptyKb: ISSUE_EMPTY_KB },
      },
      {
        name: "room (owner, prejoin)",
        path: `/rooms/${roomId}`,
        storageState: signedIn,
        // Enabled once the room's socket is connected: the page is hydrated and live.
        ready: (page) => page.getByRole("button", { name: "Join call", disabled: false }).waitFor({ timeout: 30_000 }),
        goal: { kb: 160, emptyKb: ISSUE_EMPTY_KB },
      },
      { name: "history", path: "/history", storageState: signedIn, ready: visible("heading", "Chat history") },
      { name: "history of a room", path: `/history/${roomId}`, storageState: signedIn, ready: visible("heading", "Weekly 1:1") },
      { name: "account", path: "/account", storageState: signedIn, ready: visible("heading", "Your account") },
      {
        name: "check",
        path: "/check",
        storageState: signedIn,
        ready: (page) => page.getByTestId("check-verdict").waitFor({ timeout: 60_000 }),
      },
    ];
  } finally {
    await owner.close();
  }
}
