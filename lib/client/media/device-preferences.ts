import type { TDeviceKind, TSavedDevice } from "./device-choice";

/**
 * What this browser remembers about calls: the chosen camera, microphone and speaker, and
 * whether join/leave sounds play. localStorage, so per browser and never sent anywhere; a
 * value another version wrote (or a person edited) is ignored rather than trusted.
 */
const DEVICES_KEY = "duet:devices";
const SOUNDS_KEY = "duet:sounds";

type TSavedDevices = Partial<Record<TDeviceKind, TSavedDevice>>;

function storage(): Storage | null {
  try {
    return typeof window === "undefined" ? null : window.localStorage;
  } catch {
    // Blocked storage (privacy settings): nothing is remembered, everything still works.
    return null;
  }
}

function isSavedDevice(value: unknown): value is TSavedDevice {
  const candidate = value as TSavedDevice | null;
  return typeof candidate === "object" && candidate !== null && typeof candidate.deviceId === "string" && typeof candidate.label === "string";
}

function readDevices(): TSavedDevices {
  try {
    const parsed: unknown = JSON.parse(storage()?.getItem(DEVICES_KEY) ?? "{}");
    if (typeof parsed !== "object" || parsed === null) return {};
    const saved: TSavedDevices = {};
    for (const kind of ["videoinput", "audioinput", "audiooutput"] as const) {
      const value = (parsed as Record<string, unknown>)[kind];
      if (isSavedDevice(value)) saved[kind] = value;
    }
    return saved;
  } catch {
    return {};
  }
}

export function savedDevice(kind: TDeviceKind): TSavedDevice | null {
  return readDevices()[kind] ?? null;
}

export function saveDevice(kind: TDeviceKind, device: TSavedDevice): void {
  try {
    storage()?.setItem(DEVICES_KEY, JSON.stringify({ ...readDevices(), [kind]: device }));
  } catch {
    // Full or blocked storage: the choice holds for this page only.
  }
}

export function soundsEnabled(): boolean {
  return storage()?.getItem(SOUNDS_KEY) !== "off";
}

export function saveSoundsEnabled(enabled: boolean): void {
  try {
    storage()?.setItem(SOUNDS_KEY, enabled ? "on" : "off");
  } catch {
    // As above.
  }
}
