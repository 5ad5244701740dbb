"use client";
import { useCallback, useEffect, useState } from "react";
import { saveSoundsEnabled, soundsEnabled } from "../media/device-preferences";

/** Whether join/leave sounds play: on unless this browser turned them off. */
export function useSoundsPreference(): [boolean, (enabled: boolean) => void] {
  const [enabled, setEnabled] = useState(true);
  // Read after hydration: the server cannot know, and the first render must match it.
  useEffect(() => setEnabled(soundsEnabled()), []);
  const set = useCallback((next: boolean) => {
    saveSoundsEnabled(next);
    setEnabled(next);
  }, []);
  return [enabled, set];
}
