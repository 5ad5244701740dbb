import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LaunchOptions } from "@playwright/test";
import { ALLOW_LOOPBACK_PEERS_ARG, CHROMIUM_PATH, chromiumArgsWithCameras, chromiumEnv } from "../../support/chromium";

/**
 * For `test.use({ launchOptions: TWO_CAMERAS })`: the suite's Chromium with two fake cameras
 * (fake_device_0 green, fake_device_1 grey). A spec using it gets a browser of its own.
 */
export const TWO_CAMERAS: LaunchOptions = {
  executablePath: CHROMIUM_PATH,
  env: chromiumEnv(mkdtempSync(path.join(tmpdir(), "duet-chromium-"))),
  args: [...chromiumArgsWithCameras(2), ALLOW_LOOPBACK_PEERS_ARG],
};
