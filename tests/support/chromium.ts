/**
 * How every Duet browser test runs Chromium, shared by the e2e suite (playwright.config.ts) and
 * the network lab (tests/network/lab-browser.ts): Debian's package, never a downloaded one.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/**
 * A fake camera and microphone, granted without a prompt; remote media plays without a click;
 * and nothing that would reach past the machine or cost CPU a test does not need (GPU, QUIC,
 * first-run, background updates and sync).
 */
export const CHROMIUM_ARGS = [
  "--use-fake-device-for-media-stream",
  "--use-fake-ui-for-media-stream",
  "--autoplay-policy=no-user-gesture-required",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/**
 * The same browser with `count` fake cameras (fake_device_0, fake_device_1, …). The default
 * stays one camera, and getUserMedia picks fake_device_0 either way. Measured with Chromium 156:
 * fake_device_1 delivers Y16 (depth) frames, which WebRTC cannot send (the other side decodes
 * nothing), and the others all show the same green pattern, so no picture tells them apart.
 */
export function chromiumArgsWithCameras(count: number): string[] {
  return CHROMIUM_ARGS.map((arg) => (arg === "--use-fake-device-for-media-stream" ? `${arg}=device-count=${count}` : arg));
}

/**
 * The same browser whose one camera plays a video file (.y4m) instead of the green pattern.
 * Screen capture needs no flag: with the fake UI, getDisplayMedia gets a fake 1280×720 "screen"
 * at once, showing the green pattern, so a camera of another colour tells the two apart.
 */
export function chromiumArgsWithCameraFile(y4mPath: string): string[] {
  return [...CHROMIUM_ARGS, `--use-file-for-fake-video-capture=${y4mPath}`];
}

/** Only where both peers are on loopback: Chromium otherwise leaves 127.0.0.1 out of ICE. */
export const ALLOW_LOOPBACK_PEERS_ARG = "--allow-loopback-in-peer-connection";

/** Chromium writes crash and PulseAudio files under HOME: point it at a directory of the test's own. */
export function chromiumEnv(home: string): NodeJS.ProcessEnv {
  return { ...process.env, HOME: home, XDG_CONFIG_HOME: home };
}
