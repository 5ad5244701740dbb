import { startDuet, type DuetProcess } from "../support/duet-process";
import { freePort } from "../support/free-port";
import { consistentHashNode, startNginx, type NginxProcess } from "../support/nginx";
import { createEmptyPostgresDatabase } from "../../helpers/postgres-database";
import { connectTestRedis, TEST_REDIS_URL } from "../../helpers/test-redis";

/** The two addresses a browser on this machine can reach nginx from. */
export const CLIENT_ADDRESSES = ["127.0.0.1", "::1"] as const;

export interface ProxiedDuet {
  /** https://localhost:<port>: what people open. */
  site: string;
  nginx: NginxProcess;
  nodes: DuetProcess[];
  /** "127.0.0.1:<port>" of the node nginx sends each client address to. */
  nodeFor: Record<(typeof CLIENT_ADDRESSES)[number], string>;
  stop(): Promise<void>;
}

/**
 * The production shape on loopback: two Duet nodes sharing one fresh PostgreSQL database,
 * Redis and AUTH_SECRET, behind nginx running the shipped deploy/nginx/duet.conf over TLS.
 * The database is migrated once, by the first node; the second starts without migrating.
 * The nodes' ports are chosen so that nginx's sticky hash sends a client on 127.0.0.1 to one
 * node and a client on ::1 to the other: two people in one call on two nodes.
 */
export async function startProxiedDuet(): Promise<ProxiedDuet> {
  const cleanups: Array<() => Promise<void>> = [];
  // Last started, first stopped: nginx, then the nodes, then the database they used.
  const stop = async () => {
    const failures: unknown[] = [];
    for (let cleanup = cleanups.pop(); cleanup; cleanup = cleanups.pop()) {
      await cleanup().catch((error: unknown) => failures.push(error));
    }
    if (failures.length > 0) throw failures[0];
  };
  try {
    // Fails with a clear message when Redis is not there.
    await (await connectTestRedis()).quit();
    const database = await createEmptyPostgresDatabase("duet_e2e");
    cleanups.push(database.drop);
    const [httpsPort, httpPort] = [await freePort(), await freePort()];
    const [firstPort, secondPort] = await portsSplittingClients();
    const site = `https://localhost:${httpsPort}`;
    const env = {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
      SITE_URL: site,
      TRUST_PROXY: "true",
      AUTH_SECRET: "proxy-e2e-secret-shared-by-both-nodes-0123456789",
    };
    // startDuet migrates synchronously before its first await, so the second node (which
    // skips migrating) starts only once the schema is in place.
    const started = await Promise.allSettled([startDuet({ port: firstPort, env }), startDuet({ port: secondPort, env, migrate: false })]);
    const nodes = started.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    for (const node of nodes) cleanups.push(() => node.stop());
    const failed = started.find((result) => result.status === "rejected");
    if (failed) throw failed.reason;

    const upstreams = [firstPort, secondPort].map((port) => `127.0.0.1:${port}`);
    const nginx = await startNginx({ httpPort, httpsPort, upstreams });
    cleanups.push(() => nginx.stop());
    const nodeFor = { "127.0.0.1": consistentHashNode(upstreams, "127.0.0.1"), "::1": consistentHashNode(upstreams, "::1") };
    return { site, nginx, nodes, nodeFor, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Two free ports for nodes that `hash $remote_addr consistent` assigns one client address each. */
async function portsSplittingClients(): Promise<[number, number]> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const ports = [await freePort(), await freePort()] as [number, number];
    const upstreams = ports.map((port) => `127.0.0.1:${port}`);
    const [a, b] = CLIENT_ADDRESSES.map((address) => consistentHashNode(upstreams, address));
    if (ports[0] !== ports[1] && a !== b) return ports;
  }
  throw new Error("found no pair of free ports that nginx's consistent hash splits between 127.0.0.1 and ::1");
}
