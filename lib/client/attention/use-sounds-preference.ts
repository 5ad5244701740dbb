"use client";
import { useCallback, useSyncExternalStore } from "react";
import { saveSoundsEnabled, soundsEnabled } from "../media/device-preferences";

const listeners = new Set<() => void>();
const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};
// The server cannot know: it renders "on", and hydration then reads this browser's choice.
const onByDefault = () => true;

/** Whether join/leave sounds play: on unless this browser turned them off. */
export function useSoundsPreference(): [boolean, (enabled: boolean) => void] {
  const enabled = useSyncExternalStore(subscribe, soundsEnabled, onByDefault);
  const set = useCallback((next: boolean) => {
    saveSoundsEnabled(next);
    listeners.forEach((listener) => listener());
  }, []);
  return [enabled, set];
}
