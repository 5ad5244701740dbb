import { HOSTILE_KEYS } from "./junk";

export type TTrait = "binary" | "nested 64+ deep" | "hostile key" | "string over 4,000 chars" | "wrong top-level type";

const hostile = new Set<string>(HOSTILE_KEYS);

/** What a generated value contains, to report how much of each kind a corpus sent. Iterative: values nest thousands deep. */
export function traitsOf(value: unknown): Set<TTrait> {
  const traits = new Set<TTrait>();
  if (typeof value !== "object" || value === null || Array.isArray(value) || Buffer.isBuffer(value)) traits.add("wrong top-level type");
  const stack: Array<{ node: unknown; depth: number }> = [{ node: value, depth: 0 }];
  while (stack.length > 0) {
    const { node, depth } = stack.pop()!;
    if (depth >= 64) traits.add("nested 64+ deep");
    if (typeof node === "string" && node.length > 4_000) traits.add("string over 4,000 chars");
    if (typeof node !== "object" || node === null) continue;
    if (Buffer.isBuffer(node) || node instanceof Uint8Array) {
      traits.add("binary");
      continue;
    }
    for (const [key, child] of Object.entries(node)) {
      if (hostile.has(key)) traits.add("hostile key");
      stack.push({ node: child, depth: depth + 1 });
    }
  }
  return traits;
}
