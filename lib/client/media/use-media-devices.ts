"use client";
import { useEffect, useState } from "react";
import type { TDevice } from "./device-choice";

/**
 * The machine's cameras, microphones and speakers, listed again whenever one is plugged in or
 * out (`devicechange`) and when `refreshKey` changes (labels appear once permission is given).
 */
export function useMediaDevices(refreshKey: unknown): TDevice[] {
  const [devices, setDevices] = useState<TDevice[]>([]);
  useEffect(() => {
    const mediaDevices = typeof navigator === "undefined" ? undefined : navigator.mediaDevices;
    if (!mediaDevices?.enumerateDevices) return;
    let current = true;
    const list = () =>
      void mediaDevices.enumerateDevices().then(
        (found) => current && setDevices(found.map(({ deviceId, kind, label }) => ({ deviceId, kind, label }))),
        () => {},
      );
    list();
    mediaDevices.addEventListener("devicechange", list);
    return () => {
      current = false;
      mediaDevices.removeEventListener("devicechange", list);
    };
  }, [refreshKey]);
  return devices;
}
