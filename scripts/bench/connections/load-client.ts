/**
 * Child process: holds room sockets for the bench and drives them (busy traffic, the latency
 * probe, rooms opened and closed on two nodes), each on request from the orchestrator.
 */
import { randomUUID } from "node:crypto";
import type { Socket } from "socket.io-client";
import { serveRequests } from "./child";
import { churnRooms, type TChurnMembers, type TChurnRoom } from "./churn";
import { probeLatency } from "./probe";
import { closeAll, openAll, type TTarget } from "./sockets";
import { startTraffic, type TTraffic } from "./traffic";

let sockets: Socket[] = [];
let traffic: TTraffic | null = null;

serveRequests({
  async open({ url, targets, concurrency }: { url: string; targets: TTarget[]; concurrency: number }) {
    const { sockets: opened, ...outcome } = await openAll(url, targets, concurrency);
    sockets.push(...opened);
    return { opened: opened.length, ...outcome };
  },
  /** Every held socket joins its room's call, as the Join button does; signaling needs it. */
  async "join-calls"() {
    const media = { audio: true, video: true };
    const acks = await Promise.all(
      sockets.map((socket) => socket.timeout(30_000).emitWithAck("call:join", { callSessionId: randomUUID().replaceAll("-", ""), media })),
    );
    const refused = acks.filter((ack: { ok: boolean }) => !ack.ok);
    if (refused.length > 0) throw new Error(`${refused.length} call:join refused: ${JSON.stringify(refused[0])}`);
    return { joined: acks.length };
  },
  "traffic-start"({ perSocketPerSecond }: { perSocketPerSecond: number }) {
    traffic = startTraffic(sockets, perSocketPerSecond);
  },
  "traffic-stop"() {
    const counts = traffic?.stop() ?? null;
    traffic = null;
    return counts;
  },
  async probe({ seconds, intervalMs }: { seconds: number; intervalMs: number }) {
    if (sockets.length !== 2) throw new Error(`the probe holds one room's two members, not ${sockets.length} sockets`);
    return probeLatency([sockets[0]!, sockets[1]!], { seconds, intervalMs });
  },
  churn({ urls, members, rooms, concurrency }: { urls: [string, string]; members: TChurnMembers; rooms: TChurnRoom[]; concurrency: number }) {
    return churnRooms(urls, members, rooms, concurrency);
  },
  close() {
    closeAll(sockets);
    sockets = [];
  },
});
