/**
 * A V8 heap snapshot reduced to what the report needs: self size and count per constructor
 * (objects by constructor, closures by function name, strings, arrays, compiled code). Read from
 * the file's bytes section by section: a snapshot of 10,000 sockets is larger than the longest
 * string V8 allows, so it cannot go through one JSON.parse.
 */
import { readFileSync } from "node:fs";

export type THeapSummary = Map<string, { bytes: number; count: number }>;

interface TMeta {
  node_fields: string[];
  node_types: [string[]];
}

/** The numbers of a JSON array of non-negative integers starting at `from`, up to its closing bracket. */
function integers(buffer: Buffer, from: number): number[] {
  const values: number[] = [];
  let value = 0;
  let inNumber = false;
  for (let i = from; i < buffer.length; i++) {
    const byte = buffer[i]!;
    if (byte >= 48 && byte <= 57) {
      value = value * 10 + byte - 48;
      inNumber = true;
      continue;
    }
    if (inNumber) values.push(value);
    [value, inNumber] = [0, false];
    if (byte === 93) return values;
  }
  throw new Error("heap snapshot: unterminated array");
}

/** V8 writes the strings table one JSON string per line. */
function stringTable(buffer: Buffer, from: number): string[] {
  const strings: string[] = [];
  for (let start = from; start < buffer.length;) {
    const end = buffer.indexOf(10, start) === -1 ? buffer.length : buffer.indexOf(10, start);
    const line = buffer
      .toString("utf8", start, end)
      .trim()
      .replace(/(\]\})?,?$/, "");
    if (line.startsWith('"')) strings.push(JSON.parse(line) as string);
    start = end + 1;
  }
  return strings;
}

export function summarizeHeapSnapshot(file: string): THeapSummary {
  const buffer = readFileSync(file);
  const nodesAt = buffer.indexOf('"nodes":[');
  const meta = (JSON.parse(`${buffer.toString("utf8", 0, nodesAt).trim().replace(/,$/, "")}}`) as { snapshot: { meta: TMeta } }).snapshot.meta;
  const nodes = integers(buffer, nodesAt + '"nodes":['.length);
  const strings = stringTable(buffer, buffer.indexOf('"strings":[') + '"strings":['.length);
  const fields = meta.node_fields;
  const types = meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ["type", "name", "self_size"].map((field) => fields.indexOf(field)) as [number, number, number];
  const summary: THeapSummary = new Map();
  for (let i = 0; i < nodes.length; i += fields.length) {
    const type = types[nodes[i + typeAt]!]!;
    const named = type === "object" || type === "closure" || type === "native";
    const key = named ? `${type} ${(strings[nodes[i + nameAt]!] ?? "?").slice(0, 60)}` : type;
    const entry = summary.get(key) ?? { bytes: 0, count: 0 };
    entry.bytes += nodes[i + sizeAt]!;
    entry.count += 1;
    summary.set(key, entry);
  }
  return summary;
}

export interface TPerSocket {
  key: string;
  bytes: number;
  count: number;
}

/** Per socket, what `loaded` holds beyond `before` (two snapshots of one server), largest first. */
export function perSocketDifference(loaded: THeapSummary, before: THeapSummary, sockets: number): TPerSocket[] {
  return [...loaded]
    .map(([key, { bytes, count }]) => ({
      key,
      bytes: (bytes - (before.get(key)?.bytes ?? 0)) / sockets,
      count: (count - (before.get(key)?.count ?? 0)) / sockets,
    }))
    .filter((row) => row.bytes >= 16)
    .sort((a, b) => b.bytes - a.bytes);
}
