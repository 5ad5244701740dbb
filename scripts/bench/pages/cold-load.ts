import type { Browser, BrowserContextOptions, Page, Request } from "playwright-core";

export interface Transfer {
  url: string;
  /** Body bytes as they crossed the wire (compressed, when the server compressed them). */
  bytes: number;
  encoding: string | null;
}

export interface ColdLoad {
  scripts: Transfer[];
  document: Transfer | null;
  finalPath: string;
}

export interface ColdLoadOptions {
  url: string;
  storageState?: BrowserContextOptions["storageState"];
  /** What the page shows once it is usable (hydrated), e.g. a button of its own. */
  ready: (page: Page) => Promise<void>;
}

/** After `ready`, how long no script may start or be in flight before the load counts as done. */
const QUIET_MS = 750;

/**
 * Opens `url` as a first visit: a fresh browser context (empty cache, cache disabled too) and
 * sums what scripts the page fetched until it is ready and its script loading has gone quiet,
 * so chunks a page imports on mount count and chunks loaded on a later click do not.
 */
export async function coldLoad(browser: Browser, { url, storageState, ready }: ColdLoadOptions): Promise<ColdLoad> {
  const context = await browser.newContext({ storageState });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    const scripts: Transfer[] = [];
    let document: Transfer | null = null;
    let inFlight = 0;
    let lastActivity = Date.now();
    const isScript = (request: Request) => request.resourceType() === "script";
    page.on("request", (request) => {
      if (!isScript(request)) return;
      inFlight++;
      lastActivity = Date.now();
    });
    const settle = async (request: Request, finished: boolean) => {
      const isDocument = request.resourceType() === "document" && request.frame() === page.mainFrame();
      if (!isScript(request) && !isDocument) return;
      if (finished) {
        const transfer = {
          url: request.url(),
          bytes: (await request.sizes()).responseBodySize,
          encoding: (await request.response())?.headers()["content-encoding"] ?? null,
        };
        if (isDocument) document = transfer;
        else scripts.push(transfer);
      }
      if (isScript(request)) {
        inFlight--;
        lastActivity = Date.now();
      }
    };
    page.on("requestfinished", (request) => void settle(request, true));
    page.on("requestfailed", (request) => void settle(request, false));

    const response = await page.goto(url, { waitUntil: "domcontentloaded" });
    if (!response?.ok()) throw new Error(`${url} answered ${response?.status()}`);
    await ready(page);
    while (inFlight > 0 || Date.now() - lastActivity < QUIET_MS) await page.waitForTimeout(100);
    return { scripts, document, finalPath: new URL(page.url()).pathname };
  } finally {
    await context.close();
  }
}

export const sum = (transfers: Transfer[]): number => transfers.reduce((total, transfer) => total + transfer.bytes, 0);
