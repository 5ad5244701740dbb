import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { LaunchOptions } from "@playwright/test";
import { ALLOW_LOOPBACK_PEERS_ARG, CHROMIUM_PATH, chromiumArgsWithCameraFile, chromiumArgsWithCameras, chromiumEnv } from "../../support/chromium";

const home = mkdtempSync(path.join(tmpdir(), "duet-chromium-"));

/** One solid blue 320×240 frame as a .y4m (YUV 4:2:0) file: Chromium loops it as the camera. */
function writeBlueCamera(): string {
  const width = 320;
  const height = 240;
  const file = path.join(home, "blue-camera.y4m");
  const luma = Buffer.alloc(width * height, 41);
  const [cb, cr] = [Buffer.alloc((width * height) / 4, 240), Buffer.alloc((width * height) / 4, 110)];
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F20:1 Ip A1:1 C420jpeg\nFRAME\n`), luma, cb, cr]));
  return file;
}

/** For `test.use({ launchOptions: … })`: each spec using one gets a browser of its own. */
const launch = (args: string[]): LaunchOptions => ({
  executablePath: CHROMIUM_PATH,
  env: chromiumEnv(home),
  args: [...args, ALLOW_LOOPBACK_PEERS_ARG],
});

/** Three fake cameras; fake_device_0 and fake_device_2 can be sent (see chromiumArgsWithCameras). */
export const THREE_CAMERAS = launch(chromiumArgsWithCameras(3));

/** One camera showing solid blue, so the other side can tell it from the (green) fake screen. */
export const BLUE_CAMERA = launch(chromiumArgsWithCameraFile(writeBlueCamera()));
