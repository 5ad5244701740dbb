/**
 * The load: one process holding every client, apart from the servers it measures. It keeps a
 * set of clients connected per server kind, and on request runs load on one set: each client
 * keeps `inFlight` chat:send on the wire (a new one as soon as one is acknowledged) through a
 * warm-up and a measured window, then stops and waits for every ack and every relayed copy.
 * Bodies are `<runTag>:<seq> …`: what the verifier reads back to check order and count.
 */
import { randomUUID } from "node:crypto";
import { performance } from "node:perf_hooks";
import { setTimeout as pause } from "node:timers/promises";
import { io, type Socket } from "socket.io-client";
import type { ClientSpec, RunResult, RunSpec, TLoadRequest, TServerKind } from "./protocol";

const ANSWER_TIMEOUT_MS = 15_000;
/** Makes bodies about as long as a typical chat line. */
const FILLER = " and a few more words, as people type them";

interface Client {
  socket: Socket;
  sent: number;
  acked: number;
  delivered: number;
  outstanding: number;
}

const connectedSets = new Map<TServerKind, Client[]>();

function connect(spec: ClientSpec, kind: TServerKind): Promise<Client> {
  const socket =
    kind === "duet"
      ? io(`${spec.url}/rooms/${spec.roomId}`, {
          transports: ["websocket"],
          forceNew: true,
          reconnection: false,
          extraHeaders: { cookie: spec.cookie ?? "", origin: spec.origin ?? "" },
        })
      : io(spec.url, { transports: ["websocket"], forceNew: true, reconnection: false, auth: { roomId: spec.roomId, authorId: spec.authorId } });
  const client: Client = { socket, sent: 0, acked: 0, delivered: 0, outstanding: 0 };
  socket.on("chat:message", () => client.delivered++);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(client));
    socket.once("connect_error", reject);
  });
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await pause(5);
}

async function run({ kind, inFlight, warmupMs, measureMs, runTag }: RunSpec): Promise<RunResult> {
  const clients = connectedSets.get(kind) ?? [];
  for (const client of clients) Object.assign(client, { sent: 0, acked: 0, delivered: 0, outstanding: 0 });
  const latencies: number[] = [];
  let failedAcks = 0;
  let ackedInWindow = 0;
  const measureStart = performance.now() + warmupMs;
  const measureEnd = measureStart + measureMs;

  const send = (client: Client) => {
    const startedAt = performance.now();
    client.outstanding++;
    client.socket.emit("chat:send", { clientId: randomUUID(), body: `${runTag}:${client.sent++}${FILLER}` }, (ack: { ok: boolean }) => {
      const answeredAt = performance.now();
      client.outstanding--;
      if (ack.ok) client.acked++;
      else failedAcks++;
      if (startedAt >= measureStart && startedAt < measureEnd) latencies.push(Math.round((answeredAt - startedAt) * 100) / 100);
      if (answeredAt >= measureStart && answeredAt < measureEnd) ackedInWindow++;
      if (answeredAt < measureEnd) send(client);
    });
  };
  for (const client of clients) for (let i = 0; i < inFlight; i++) send(client);

  // The parent samples the servers' CPU time at these two moments.
  await pause(Math.max(0, measureStart - performance.now()));
  process.send?.({ progress: "measure-start" });
  await pause(Math.max(0, measureEnd - performance.now()));
  process.send?.({ progress: "measure-end" });
  await waitUntil(() => clients.every((client) => client.outstanding === 0), ANSWER_TIMEOUT_MS);
  // Clients come in pairs, one room each: what one had acknowledged, the other must receive.
  const peerOf = (i: number) => clients[i ^ 1]!;
  await waitUntil(() => clients.every((client, i) => client.delivered >= peerOf(i).acked), ANSWER_TIMEOUT_MS);
  return {
    ackedInWindow,
    latencies,
    acked: clients.map((client) => client.acked),
    delivered: clients.map((client) => client.delivered),
    failedAcks,
    unanswered: clients.reduce((sum, client) => sum + client.outstanding, 0),
  };
}

async function answer(request: TLoadRequest): Promise<unknown> {
  if ("connect" in request) {
    connectedSets.set(request.connect, await Promise.all(request.clients.map((spec) => connect(spec, request.connect))));
    return { connected: request.clients.length };
  }
  if ("disconnect" in request) {
    connectedSets.get(request.disconnect)?.forEach((client) => client.socket.disconnect());
    connectedSets.delete(request.disconnect);
    return { disconnected: true };
  }
  if ("run" in request) return run(request.run);
  process.exit(0);
}

process.on("message", (request: TLoadRequest) => {
  answer(request).then(
    (reply) => process.send?.(reply),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
});
process.once("disconnect", () => process.exit(0));
