import type { Browser, Page } from "@playwright/test";
import { expectRemoteMediaPlaying } from "./call-probe";
import { createRoomThroughApi, goto, joinRoomThroughApi, newPerson, signUpThroughApi, type Person } from "./people";
import { expect } from "./test";

export interface TwoPeople {
  ada: Person;
  ben: Person;
  roomId: string;
  roomName: string;
  close(): Promise<void>;
}

/** Ada owns a room and Ben is its guest, both signed up over the API and on the room's page (not yet in the call). */
export async function twoPeopleInARoom(browser: Browser, roomName: string): Promise<TwoPeople> {
  const ada = await newPerson(browser, "Ada");
  const ben = await newPerson(browser, "Ben");
  await Promise.all([signUpThroughApi(ada), signUpThroughApi(ben)]);
  const roomId = await createRoomThroughApi(ada, roomName);
  await joinRoomThroughApi(ben, roomId);
  await Promise.all([goto(ada.page, `/rooms/${roomId}`), goto(ben.page, `/rooms/${roomId}`)]);
  return { ada, ben, roomId, roomName, close: async () => void (await Promise.all([ada.context.close(), ben.context.close()])) };
}

export async function joinCall(person: Person): Promise<void> {
  const join = person.page.getByRole("button", { name: "Join call" });
  await expect(join).toBeEnabled();
  await join.click();
  await expect(person.page.getByRole("button", { name: "Leave call" })).toBeVisible();
}

/** Both join, and each sees and hears the other. */
export async function bothInCall({ ada, ben }: TwoPeople): Promise<void> {
  await joinCall(ada);
  await joinCall(ben);
  await Promise.all([expectRemoteMediaPlaying(ada.page), expectRemoteMediaPlaying(ben.page)]);
}

export interface TPicture {
  width: number;
  height: number;
  /** Average red, green and blue over the frame. */
  rgb: [number, number, number];
}

/** What a <video> shows right now: its size and average colour (drawn to a canvas). */
export async function pictureOf(page: Page, testId: "remote-video" | "local-video"): Promise<TPicture> {
  return page.getByTestId(testId).evaluate((video: HTMLVideoElement) => {
    const canvas = document.createElement("canvas");
    canvas.width = 160;
    canvas.height = 120;
    const g = canvas.getContext("2d")!;
    g.drawImage(video, 0, 0, canvas.width, canvas.height);
    const data = g.getImageData(0, 0, canvas.width, canvas.height).data;
    const sum = [0, 0, 0];
    for (let i = 0; i < data.length; i += 4) for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (data[i + c] ?? 0);
    const pixels = data.length / 4;
    return { width: video.videoWidth, height: video.videoHeight, rgb: sum.map((value) => Math.round(value / pixels)) as [number, number, number] };
  });
}

/** Chromium's fake screen (getDisplayMedia with the fake UI): its green test pattern. */
export const isFakeScreen = ({ rgb: [r, g, b] }: TPicture) => g > 100 && g > 3 * Math.max(r, b, 10);
/** The blue camera of BLUE_CAMERA. */
export const isBlueCamera = ({ rgb: [r, g, b] }: TPicture) => b > 150 && b > 3 * Math.max(r, g, 10);

/**
 * Headless Chromium keeps every tab "visible" (another tab in front, a minimized window and
 * CDP's target activation were tried: visibilityState stays "visible"), so the test sets what
 * the browser would report when the person switches tabs, and fires the same event.
 */
export async function setTabHidden(page: Page, hidden: boolean): Promise<void> {
  await page.evaluate((hide) => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => (hide ? "hidden" : "visible") });
    Object.defineProperty(document, "hidden", { configurable: true, get: () => hide });
    document.dispatchEvent(new Event("visibilitychange"));
  }, hidden);
}
