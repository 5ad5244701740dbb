import { readFileSync } from "node:fs";
import path from "node:path";

const ROOT = path.resolve(__dirname, "../../..");
export const readDoc = (file: string): string => readFileSync(path.join(ROOT, file), "utf8");

/**
 * The defaults a Markdown table gives, by variable: rows start "| `NAME` | `default` |", and
 * one row may name several variables with their defaults in the same order
 * ("| `A` / `B` | `1` / `2` |", "| `A`, `B` | (none) |"). A default not in backticks, e.g.
 * "(none)", is kept as written.
 */
export function documentedDefaults(markdown: string): Map<string, string> {
  const defaults = new Map<string, string>();
  for (const [, names, values] of markdown.matchAll(/^\| ((?:`[A-Z0-9_*]+`(?:, | \/ )?)+) \| ([^|]+) \|/gm)) {
    const variables = [...names!.matchAll(/`([A-Z0-9_*]+)`/g)].map((match) => match[1]!);
    const quoted = [...values!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!);
    variables.forEach((name, i) => defaults.set(name, quoted.length === variables.length ? quoted[i]! : values!.trim()));
  }
  return defaults;
}

/** `.env.example`'s variables, set ("NAME=value") or shown commented out ("# NAME=value"). */
export function exampleSettings(text: string): Map<string, { value: string; commented: boolean }> {
  const settings = new Map<string, { value: string; commented: boolean }>();
  for (const [, hash, name, value] of text.matchAll(/^(# )?([A-Z][A-Z0-9_]*)=(.*)$/gm)) {
    if (!settings.has(name!) || !hash) settings.set(name!, { value: value!, commented: Boolean(hash) });
  }
  return settings;
}
