/**
 * Child process of the history benchmark: exports one room to nowhere and reports its own
 * peak memory. A process of its own, so the peak is the export's and nothing else's; run with a
 * small heap limit, so an export that held the whole room in memory would fail outright.
 *   argv: <databaseUrl> <roomId> <userId> <markdown|json>
 *   prints: {"bytes":…,"ms":…,"startRssMb":…,"peakRssMb":…,"peakHeapMb":…}
 * RSS is sampled at every chunk (process.memoryUsage), not read from the process's lifetime
 * peak, which loading the TypeScript toolchain sets before the export begins.
 */
import { performance } from "node:perf_hooks";
import { createDbClient } from "../../../lib/server/db/create-db-client";
import { exportRoom } from "../../../lib/server/history/export-room";
import { getMemberRoom } from "../../../lib/server/rooms/get-member-room";
import type { TExportFormat } from "../../../lib/shared/room-export";

const MB = 1024 * 1024;

async function main(): Promise<void> {
  const [url, roomId, userId, format] = process.argv.slice(2) as [string, string, string, TExportFormat];
  const db = createDbClient(url);
  const room = await getMemberRoom(db, { roomId, userId });
  if (!room) throw new Error("no such room for that user");
  const startRssMb = process.memoryUsage().rss / MB;
  let peakRssMb = startRssMb;
  let peakHeapMb = 0;
  const started = performance.now();
  let bytes = 0;
  const reader = exportRoom(db, { room, format, timeZone: "Europe/Berlin" }).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    const { rss, heapUsed } = process.memoryUsage();
    peakRssMb = Math.max(peakRssMb, rss / MB);
    peakHeapMb = Math.max(peakHeapMb, heapUsed / MB);
  }
  const ms = performance.now() - started;
  await db.$disconnect();
  console.log(JSON.stringify({ bytes, ms, startRssMb, peakRssMb, peakHeapMb }));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
