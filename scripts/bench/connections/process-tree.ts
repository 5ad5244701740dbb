/** Resident memory of a process and its descendants, from /proc (Linux). */
import { readdirSync, readFileSync } from "node:fs";

export interface TProcessRss {
  pid: number;
  command: string;
  rss: number;
}

function readStatus(pid: number): { ppid: number; command: string; rss: number } | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const field = (name: string) => /^\S+:\s*(.*)$/m.exec(status.split("\n").find((line) => line.startsWith(`${name}:`)) ?? "")?.[1] ?? "";
    return { ppid: Number(field("PPid")), command: field("Name"), rss: Number.parseInt(field("VmRSS"), 10) * 1024 || 0 };
  } catch {
    return null;
  }
}

/** `pid` and every process under it, each with its RSS in bytes. */
export function processTree(pid: number): TProcessRss[] {
  const all = readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .map((name) => ({ pid: Number(name), ...readStatus(Number(name)) }))
    .filter((entry): entry is TProcessRss & { ppid: number } => entry.ppid !== undefined);
  const tree: TProcessRss[] = [];
  const visit = (parent: number) => {
    const self = all.find((entry) => entry.pid === parent);
    if (self) tree.push({ pid: self.pid, command: self.command, rss: self.rss });
    for (const child of all.filter((entry) => entry.ppid === parent)) visit(child.pid);
  };
  visit(pid);
  return tree;
}
