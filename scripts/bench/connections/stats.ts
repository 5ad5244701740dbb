/** Small figures helpers for the report. */

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

export const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(1)} MB`;
export const kib = (bytes: number) => `${(bytes / 1024).toFixed(2)} kB`;
export const ms = (value: number) => `${value.toFixed(2)} ms`;
export const signed = (value: number, unit: (n: number) => string) => `${value >= 0 ? "+" : "−"}${unit(Math.abs(value))}`;
