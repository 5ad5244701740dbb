/** The three kinds of device a person picks: what enumerateDevices() calls them. */
export type TDeviceKind = "videoinput" | "audioinput" | "audiooutput";

/** A device as the pickers show it (MediaDeviceInfo without its methods, so tests can build one). */
export interface TDevice {
  deviceId: string;
  kind: MediaDeviceKind;
  label: string;
}

/** What this browser remembers choosing: the id to ask for and the label to name it by when it is gone. */
export interface TSavedDevice {
  deviceId: string;
  label: string;
}

const KIND_NAMES: Record<TDeviceKind, string> = { videoinput: "Camera", audioinput: "Microphone", audiooutput: "Speaker" };

/** The devices of one kind, each with a name to show: before permission browsers give no labels. */
export function devicesOfKind(devices: readonly TDevice[], kind: TDeviceKind): TDevice[] {
  const ofKind = devices.filter((device) => device.kind === kind && device.deviceId !== "");
  return ofKind.map((device, index) => ({ ...device, label: device.label || `${KIND_NAMES[kind]} ${index + 1}` }));
}

/**
 * Whether the device now in use is the one this browser saved, and if not, the sentence that
 * says so. Asked for with `deviceId: { ideal }`, the browser falls back to its default by
 * itself when the saved device is gone (unplugged since, or another machine's id).
 */
export function describeFallback(kind: TDeviceKind, saved: TSavedDevice | null, inUse: { deviceId: string; label: string } | null): string | null {
  if (!saved || !inUse || saved.deviceId === inUse.deviceId) return null;
  const name = KIND_NAMES[kind].toLowerCase();
  const was = saved.label ? `Your ${name} “${saved.label}”` : `Your chosen ${name}`;
  return `${was} isn't available, so Duet is using ${inUse.label ? `“${inUse.label}”` : `the default ${name}`}.`;
}

/**
 * The speaker to play through: the saved one while it is plugged in, else the default ("").
 * Unlike cameras and microphones there is no getUserMedia to fall back by itself.
 */
export function resolveSpeaker(saved: TSavedDevice | null, devices: readonly TDevice[]): { deviceId: string; fallback: string | null } {
  if (!saved) return { deviceId: "", fallback: null };
  const outputs = devices.filter((device) => device.kind === "audiooutput");
  // No outputs listed at all: the browser hides them (no permission yet), not "unplugged".
  if (outputs.length === 0 || outputs.some((device) => device.deviceId === saved.deviceId))
    return { deviceId: outputs.length ? saved.deviceId : "", fallback: null };
  return { deviceId: "", fallback: describeFallback("audiooutput", saved, { deviceId: "", label: "" }) };
}
