import { performance } from "node:perf_hooks";

export interface TTiming {
  p50: number;
  p95: number;
  runs: number;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** Runs `work` a few times to warm caches and plans, then `runs` times one after another, timing each. */
export async function time(work: () => Promise<unknown>, runs: number, warmup = 5): Promise<TTiming> {
  for (let i = 0; i < warmup; i += 1) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 50), p95: percentile(samples, 95), runs };
}
