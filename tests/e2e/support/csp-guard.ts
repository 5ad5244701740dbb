import type { BrowserContext, Page } from "@playwright/test";

declare global {
  interface Window {
    __duetReportCspViolation?: (report: string) => Promise<void>;
  }
}

/** Violations seen since the last take, across every guarded browser context. */
const violations: string[] = [];

/**
 * Records every Content-Security-Policy violation in this context's pages: the
 * `securitypolicyviolation` events (installed before the page's own scripts) and the console
 * errors Chromium prints for blocked resources. The `test` in ./test fails a test that saw any.
 */
export async function guardAgainstCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding("__duetReportCspViolation", ({ page }, report: string) => {
    violations.push(`${page.url()}: ${report}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const where = event.sourceFile ? ` at ${event.sourceFile}:${event.lineNumber}` : "";
      void window.__duetReportCspViolation?.(`${event.effectiveDirective} blocked ${event.blockedURI || "inline code"}${where}`);
    });
  });
  const watch = (page: Page) =>
    page.on("console", (message) => {
      if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
    });
  context.pages().forEach(watch);
  context.on("page", watch);
}

/** The violations recorded so far, emptying the record. */
export function takeCspViolations(): string[] {
  return violations.splice(0);
}
