"use client";
import { useCallback, useState, useSyncExternalStore } from "react";
import { resolveSpeaker, type TDevice } from "./device-choice";
import { saveDevice, savedDevice } from "./device-preferences";

export interface Speaker {
  /** For HTMLMediaElement.setSinkId: "" is the system default. */
  sinkId: string;
  /** Where the browser can route audio to a chosen output at all. */
  supported: boolean;
  /** The saved speaker is gone and the default plays instead, in words. */
  notice: string | null;
  choose(deviceId: string): void;
}

const neverChanges = () => () => {};
const canSetSink = () => typeof HTMLMediaElement !== "undefined" && "setSinkId" in HTMLMediaElement.prototype;

/** The speaker the other person is heard through, remembered by this browser, back to the default (saying so) when unplugged. */
export function useSpeaker(devices: readonly TDevice[]): Speaker {
  const [chosen, setChosen] = useState(() => savedDevice("audiooutput"));
  const supported = useSyncExternalStore(neverChanges, canSetSink, () => false);
  const { deviceId, fallback } = resolveSpeaker(chosen, devices);

  const choose = useCallback(
    (id: string) => {
      const device = { deviceId: id, label: devices.find((candidate) => candidate.deviceId === id && candidate.kind === "audiooutput")?.label ?? "" };
      saveDevice("audiooutput", device);
      setChosen(device);
    },
    [devices],
  );

  return { sinkId: deviceId, supported, notice: fallback, choose };
}
