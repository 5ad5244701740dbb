"use client";
import type { TCallStatsSummary, TVideoShape } from "@/lib/client/call/call-stats";

const unknown = "—";
const video = (shape: TVideoShape | null) =>
  shape ? `${shape.width}×${shape.height}${shape.framesPerSecond !== null ? ` at ${Math.round(shape.framesPerSecond)} fps` : ""}` : unknown;

/** The numbers behind the quality indicator, refreshed with every sample. */
export function QualityPanel({ summary }: { summary: TCallStatsSummary }) {
  const rows: Array<[string, string]> = [
    ["Round trip", summary.roundTripMs !== null ? `${summary.roundTripMs} ms` : unknown],
    ["Packet loss", summary.packetLossPercent !== null ? `${summary.packetLossPercent} %` : unknown],
    ["Receiving", summary.bitrateInKbps !== null ? `${summary.bitrateInKbps} kbit/s` : unknown],
    ["Sending", summary.bitrateOutKbps !== null ? `${summary.bitrateOutKbps} kbit/s` : unknown],
    ["Video in", video(summary.videoIn)],
    ["Video out", video(summary.videoOut)],
    ["Path", summary.path ? `${summary.path.route === "relay" ? "Relayed (TURN)" : "Direct"}, ${summary.path.protocol.toUpperCase()}` : unknown],
  ];
  return (
    <dl
      data-testid="call-stats"
      className="grid grid-cols-[auto_auto] gap-x-4 gap-y-0.5 rounded-lg border border-slate-300 px-3 py-2 text-xs dark:border-slate-600"
    >
      {rows.map(([term, value]) => (
        <div key={term} className="contents">
          <dt className="text-slate-600 dark:text-slate-400">{term}</dt>
          <dd data-stat={term} className="font-mono text-slate-900 dark:text-slate-100">
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
