"use client";
import { useEffect, useRef, useState } from "react";
import { titleWithUnread } from "./title-with-unread";

/**
 * While the tab is hidden, counts chat messages from the other person that arrive, and shows
 * the count in the tab's title and as a badge on its favicon; both clear when the tab is seen.
 * `incomingIds`: the ids of the other person's stored messages, in any order.
 */
export function useUnreadBadge(incomingIds: readonly string[]): number {
  /** While hidden: the messages there when the tab was left, which count as read. Null while visible. */
  const [readWhenHidden, setReadWhenHidden] = useState<ReadonlySet<string> | null>(null);
  const idsRef = useRef(incomingIds);
  useEffect(() => {
    idsRef.current = incomingIds;
  }, [incomingIds]);

  useEffect(() => {
    const onChange = () => setReadWhenHidden(document.visibilityState === "hidden" ? new Set(idsRef.current) : null);
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);

  const unread = readWhenHidden ? incomingIds.filter((id) => !readWhenHidden.has(id)).length : 0;

  useEffect(() => {
    document.title = titleWithUnread(document.title, unread);
    const restoreIcon = unread > 0 ? showFaviconBadge(unread) : null;
    return () => restoreIcon?.();
  }, [unread]);

  useEffect(() => () => void (document.title = titleWithUnread(document.title, 0)), []);
  return unread;
}

/** Draws the page's icon with a red count badge and uses it until the returned function restores the icon. */
function showFaviconBadge(count: number): () => void {
  const links = [...document.querySelectorAll<HTMLLinkElement>('link[rel~="icon"]')];
  const added = links.length === 0 ? document.head.appendChild(Object.assign(document.createElement("link"), { rel: "icon" })) : null;
  const targets = added ? [added] : links;
  const originals = targets.map((link) => link.getAttribute("href"));
  const size = 64;
  const canvas = Object.assign(document.createElement("canvas"), { width: size, height: size });
  let restored = false;
  const paint = (icon: HTMLImageElement | null) => {
    if (restored) return;
    const g = canvas.getContext("2d");
    if (!g) return;
    if (icon) g.drawImage(icon, 0, 0, size, size);
    g.fillStyle = "#dc2626";
    g.beginPath();
    g.arc(size * 0.68, size * 0.32, size * 0.32, 0, Math.PI * 2);
    g.fill();
    g.fillStyle = "#ffffff";
    g.font = `bold ${size * 0.4}px sans-serif`;
    g.textAlign = "center";
    g.textBaseline = "middle";
    g.fillText(count > 9 ? "9+" : String(count), size * 0.68, size * 0.34);
    const badged = canvas.toDataURL("image/png");
    targets.forEach((link) => (link.href = badged));
    targets.forEach((link) => link.setAttribute("data-unread", String(count)));
  };
  const source = originals.find(Boolean);
  if (source) {
    const icon = new Image();
    icon.onload = () => paint(icon);
    icon.onerror = () => paint(null);
    icon.src = source;
  } else paint(null);
  return () => {
    restored = true;
    if (added) return added.remove();
    targets.forEach((link, index) => {
      const original = originals[index];
      if (original === null || original === undefined) link.removeAttribute("href");
      else link.setAttribute("href", original);
      link.removeAttribute("data-unread");
    });
  };
}
