import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import type { Result } from "axe-core";
import { expect } from "./test";

export type TColorScheme = "light" | "dark";
export const COLOR_SCHEMES: TColorScheme[] = ["light", "dark"];

/** Impacts that fail a scan: what stops or seriously hinders someone (axe's own grading). */
const BLOCKING_IMPACTS = new Set(["serious", "critical"]);

export interface TScanRow {
  page: string;
  scheme: TColorScheme;
  blocking: number;
  /** Moderate and minor findings: printed, not failed on. */
  other: number;
  ruleIds: string[];
}

/** Every scan of this run, in order, for the summary table. */
const rows: TScanRow[] = [];

/**
 * Scans the page as it is now with axe-core (every rule axe runs by default: WCAG 2.x A/AA and
 * best practices), once per colour scheme, switching the scheme in place so both scans see the
 * same state (a call in progress stays in progress). Prints one line per scheme and fails on
 * any serious or critical violation, naming the rule, the elements and why.
 */
export async function expectNoBlockingViolations(page: Page, label: string): Promise<void> {
  const failures: string[] = [];
  for (const scheme of COLOR_SCHEMES) {
    // axe reads computed styles, which the browser brings up to date with the scheme on each
    // read (no frame to wait for: a page in the background may not paint one).
    await page.emulateMedia({ colorScheme: scheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    const blocking = violations.filter((violation) => BLOCKING_IMPACTS.has(violation.impact ?? ""));
    const row: TScanRow = {
      page: label,
      scheme,
      blocking: blocking.reduce((sum, violation) => sum + violation.nodes.length, 0),
      other: violations
        .filter((violation) => !BLOCKING_IMPACTS.has(violation.impact ?? ""))
        .reduce((sum, violation) => sum + violation.nodes.length, 0),
      ruleIds: violations.map((violation) => `${violation.id}(${violation.impact})`),
    };
    rows.push(row);
    console.log(
      `[axe] ${label} · ${scheme}: ${row.blocking} serious/critical, ${row.other} moderate/minor${row.ruleIds.length ? ` [${row.ruleIds.join(", ")}]` : ""}`,
    );
    failures.push(...blocking.map((violation) => describe(violation, scheme)));
  }
  await page.emulateMedia({ colorScheme: null });
  expect(failures, `serious or critical accessibility violations on ${label}`).toEqual([]);
}

/** The scans so far as a table, one row per page and scheme. */
export function scanSummary(): string {
  const width = Math.max(4, ...rows.map((row) => row.page.length));
  const lines = rows.map(
    (row) => `${row.page.padEnd(width)}  ${row.scheme.padEnd(6)}  ${String(row.blocking).padStart(15)}  ${String(row.other).padStart(14)}`,
  );
  return [`${"page".padEnd(width)}  scheme  serious/critical  moderate/minor`, ...lines].join("\n");
}

function describe(violation: Result, scheme: TColorScheme): string {
  const nodes = violation.nodes
    .slice(0, 5)
    .map((node) => `    ${node.target.join(" ")}: ${(node.failureSummary ?? "").replace(/\s+/g, " ")}`)
    .join("\n");
  return `${scheme}: ${violation.id} (${violation.impact}) ${violation.help}\n${nodes}`;
}
