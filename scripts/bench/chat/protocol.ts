/** What the benchmark's processes tell each other over their IPC channels. */

/**
 * bare: the baseline relay, storing each message with the raw driver; duet: Duet's real server;
 * relay: the bare relay storing nothing, the floor under any ack latency on this machine (what
 * Socket.IO and the load client alone cost).
 */
export type TServerKind = "bare" | "duet" | "relay";

/** Redis streams adapter names shared by the nodes of one cluster, so clusters never mix. */
export interface ClusterNames {
  channelPrefix: string;
  streamName: string;
}

export interface NodeSpec {
  kind: TServerKind;
  databaseUrl: string;
  /** Which node of the cluster: the bare relay puts it in its ids so they stay ordered per node. */
  nodeIndex: number;
  /** Several nodes: the Redis server and the names they share. */
  cluster?: { redisUrl: string; names: ClusterNames };
}

/** One client: where it connects and as whom. */
export interface ClientSpec {
  url: string;
  roomId: string;
  authorId: string;
  /** Duet only: the signed-in session cookie and the Origin its handshake checks. */
  cookie?: string;
  origin?: string;
}

export interface RunSpec {
  kind: TServerKind;
  inFlight: number;
  warmupMs: number;
  measureMs: number;
  /** Starts every body of this run, so its stored rows can be told from other runs'. */
  runTag: string;
}

/** To the load client: connect a set of clients (kept until disconnect), run load on it, or close it. */
export type TLoadRequest = { connect: TServerKind; clients: ClientSpec[] } | { run: RunSpec } | { disconnect: TServerKind } | { stop: true };

export interface RunResult {
  /** Acks received during the measured window. */
  ackedInWindow: number;
  /** Send → ack of the messages sent during the measured window, ms. */
  latencies: number[];
  /** Per client (by index): messages acknowledged ok, over the whole run. */
  acked: number[];
  /** Per client: chat:message events received from the other member during the run. */
  delivered: number[];
  failedAcks: number;
  /** Sends still unanswered when the run gave up waiting. */
  unanswered: number;
}
