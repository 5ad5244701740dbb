/**
 * A V8 heap snapshot reduced to what the report needs: self size and count per constructor
 * (objects, closures by function name, strings, arrays, compiled code). Used on the snapshots
 * BENCH_HEAP_SNAPSHOTS asks for, to say per socket what Duet holds that the bare relay does not.
 */
import { readFileSync } from "node:fs";

export type THeapSummary = Map<string, { bytes: number; count: number }>;

interface TSnapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export function summarizeHeapSnapshot(file: string): THeapSummary {
  const { snapshot, nodes, strings } = JSON.parse(readFileSync(file, "utf8")) as TSnapshot;
  const fields = snapshot.meta.node_fields;
  const types = snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((field) => fields.indexOf(field)) as [number, number, number];
  const summary: THeapSummary = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!]!;
    const named = type === "object" || type === "closure" || type === "native" || type === "hidden";
    const key = named ? `${type} ${strings[nodes[i + nameAt]!]!.slice(0, 60)}` : type;
    const entry = summary.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += nodes[i + sizeAt]!;
    entry.count += 1;
    summary.set(key, entry);
  }
  return summary;
}

/** Per socket, what `loaded` holds beyond `empty` (two snapshots of one server), largest first. */
export function perSocketDifference(loaded: THeapSummary, empty: THeapSummary, sockets: number) {
  return [...loaded]
    .map(([key, { bytes, count }]) => ({
      key,
      bytes: (bytes - (empty.get(key)?.bytes ?? 0)) / sockets,
      count: (count - (empty.get(key)?.count ?? 0)) / sockets,
    }))
    .filter((row) => row.bytes > 8)
    .sort((a, b) => b.bytes - a.bytes);
}
