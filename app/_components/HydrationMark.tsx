"use client";
import { useEffect } from "react";

/**
 * Marks the document once React has attached its handlers (`<html data-hydrated>`). Before that,
 * a click does nothing and a submitted form would go to the server as a plain GET; tests wait for
 * the mark instead of guessing, as a person waits for a page to respond.
 */
export function HydrationMark(): null {
  useEffect(() => {
    document.documentElement.dataset.hydrated = "";
  }, []);
  return null;
}
