/** The server nodes of one kind (bare or Duet), each in its own process, and their CPU time. */
import { randomUUID } from "node:crypto";
import path from "node:path";
import { createClient } from "redis";
import { forkChild, type BenchChild } from "./child-process";
import type { NodeSpec, TServerKind } from "./protocol";

export interface Cluster {
  kind: TServerKind;
  urls: string[];
  /** CPU time its node processes have used so far, µs (user + system). */
  cpuMicros(): Promise<number>;
  /** Stops the nodes and deletes the cluster's Redis stream. */
  stop(): Promise<void>;
}

export async function startCluster(kind: TServerKind, databaseUrl: string, nodes: number, redisUrl: string): Promise<Cluster> {
  // Its own stream and channels: the clusters of a run never see each other's traffic.
  const streamName = `duet-bench-${kind}-${randomUUID().slice(0, 8)}`;
  const cluster = nodes > 1 ? { redisUrl, names: { channelPrefix: streamName, streamName } } : undefined;
  const children: BenchChild[] = [];
  const urls: string[] = [];
  for (let nodeIndex = 0; nodeIndex < nodes; nodeIndex++) {
    const child = forkChild(path.join(__dirname, "node-process.ts"));
    children.push(child);
    const spec: NodeSpec = { kind, databaseUrl, nodeIndex, cluster };
    urls.push((await child.request<{ url: string }>(spec)).url);
  }
  return {
    kind,
    urls,
    async cpuMicros() {
      const samples = await Promise.all(children.map((child) => child.request<{ cpuMicros: number }>({ cpu: true })));
      return samples.reduce((sum, { cpuMicros }) => sum + cpuMicros, 0);
    },
    async stop() {
      await Promise.all(children.map((child) => child.stop()));
      if (!cluster) return;
      const redis = createClient({ url: redisUrl });
      await redis.connect();
      await redis.del(streamName);
      await redis.quit();
    },
  };
}
