import { test as base, expect } from "@playwright/test";
import { takeCspViolations } from "./csp-guard";

/**
 * Playwright's `test`, failing any test during which a guarded page (every person from
 * newPerson, every context passed to guardAgainstCspViolations) reported a CSP violation.
 */
export const test = base.extend<{ noCspViolations: void }>({
  noCspViolations: [
    // The empty pattern is Playwright's: it reads a fixture's dependencies from it.
    async ({}, use) => {
      // Anything already recorded came from setup (a beforeAll seating people in a room): it counts too.
      const fromSetup = takeCspViolations();
      await use();
      expect([...fromSetup, ...takeCspViolations()], "Content-Security-Policy violations").toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
