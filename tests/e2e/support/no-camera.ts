import type { Page } from "@playwright/test";

/**
 * The page's browser has a microphone and no camera, as on a desktop without a webcam.
 * Chromium's fake devices always include cameras, so the page is told what such a browser
 * says: asking for video finds no device, and no camera is listed. The screen (getDisplayMedia)
 * is untouched.
 */
export async function withoutACamera(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    const enumerateDevices = devices.enumerateDevices.bind(devices);
    devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      if (constraints?.video) throw new DOMException("Requested device not found", "NotFoundError");
      return getUserMedia(constraints);
    };
    devices.enumerateDevices = async () => (await enumerateDevices()).filter((device) => device.kind !== "videoinput");
  });
}
