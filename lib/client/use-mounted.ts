"use client";
import { useEffect, useRef, type RefObject } from "react";

/**
 * Whether the component is still mounted, for what an `await` hands back after it may have
 * gone: a camera track or a screen capture that arrives then must be stopped, not adopted,
 * or the device stays captured with nothing left to release it.
 */
export function useMounted(): RefObject<boolean> {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}
