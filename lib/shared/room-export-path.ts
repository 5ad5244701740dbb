/** The export download's address (no schemas here: pages load this on first paint). */

export const EXPORT_FORMATS = ["markdown", "json"] as const;
export type TExportFormat = (typeof EXPORT_FORMATS)[number];

export function roomExportPath(roomId: string, format: TExportFormat, timeZone?: string): string {
  const query = new URLSearchParams({ format, ...(timeZone && { tz: timeZone }) });
  return `/api/rooms/${encodeURIComponent(roomId)}/export?${query.toString()}`;
}
