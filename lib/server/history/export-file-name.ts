import type { TExportFormat } from "@/lib/shared/room-export";

const EXTENSIONS = { markdown: "md", json: "json" } as const;

/**
 * The Content-Disposition of an export: `Standup-2026-11-24.md`. The plain `filename` keeps to
 * safe ASCII (older clients); `filename*` carries the room's name as written (RFC 6266).
 */
export function exportFileName(roomName: string, format: TExportFormat, exportedAt: Date): string {
  const date = exportedAt.toISOString().slice(0, 10);
  const extension = EXTENSIONS[format];
  const ascii =
    roomName
      .normalize("NFKD")
      .replace(/[^A-Za-z0-9 _-]/g, "")
      .trim()
      .replace(/\s+/g, "-")
      .slice(0, 60) || "duet-room";
  const utf8 = `${roomName.replace(/[\\/:*?"<>|]/g, "_").slice(0, 80)}-${date}.${extension}`;
  return `attachment; filename="${ascii}-${date}.${extension}"; filename*=UTF-8''${encodeRfc5987(utf8)}`;
}

/** Percent-encoding for an RFC 5987 value: encodeURIComponent leaves ' ( ) * ! as they are, and ' would end it. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*!]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}
