import { defineConfig } from "@playwright/test";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { ALLOW_LOOPBACK_PEERS_ARG, CHROMIUM_ARGS, CHROMIUM_PATH, chromiumEnv } from "../support/chromium";

// Chromium writes crash and PulseAudio files under HOME; keep them out of the real one.
const browserHome = mkdtempSync(path.join(tmpdir(), "duet-chromium-"));

// Real Chromium (Debian's package) against a production build of Duet on loopback.
// One worker: a call cycle costs more than a core on the 2-core CI machines.
export default defineConfig({
  testDir: ".",
  testMatch: "**/*.spec.ts",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 120_000,
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  outputDir: "./.artifacts/results",
  globalSetup: "./support/global-setup.ts",
  use: {
    browserName: "chromium",
    launchOptions: {
      executablePath: CHROMIUM_PATH,
      env: chromiumEnv(browserHome),
      args: [...CHROMIUM_ARGS, ALLOW_LOOPBACK_PEERS_ARG],
    },
    permissions: ["camera", "microphone", "clipboard-read", "clipboard-write"],
    viewport: { width: 1280, height: 800 },
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    actionTimeout: 15_000,
    navigationTimeout: 30_000,
  },
});
