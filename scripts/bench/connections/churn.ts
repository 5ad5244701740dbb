/**
 * Rooms coming and going on two nodes: for each room the owner opens it on one node and the guest
 * on the other (as when a room's members sit on different nodes), then both leave.
 *
 * Each member keeps one connection per node and opens each room as a namespace over it
 * (Socket.IO's multiplexing): Redis state is per namespace, so this churns exactly what is
 * measured, without paying a WebSocket and sign-in handshake per room, which would make 10,000
 * rooms take minutes on two cores. The first room stays open until the end: a Manager closes its
 * connection whenever its last namespace closes.
 */
import { Manager, type Socket } from "socket.io-client";
import { REALTIME_PATH } from "../../../lib/shared/realtime-events";
import { TEST_SITE_URL } from "../../../tests/helpers/realtime-server";

export interface TChurnRoom {
  namespace: string;
}

export interface TChurnMembers {
  /** Cookie headers: the owner's (on the first node) and the guest's (on the second). */
  ownerCookie: string;
  guestCookie: string;
}

export interface TChurnResult {
  rooms: number;
  failed: number;
  firstError: string | null;
  seconds: number;
}

function memberConnection(url: string, cookie: string): Manager {
  return new Manager(url, {
    path: REALTIME_PATH,
    transports: ["websocket"],
    extraHeaders: { cookie, origin: TEST_SITE_URL },
    reconnection: false,
    // Sockets connect when enter() says so; with the default, connect() would send a second
    // CONNECT for a namespace already connecting, and Duet takes that for a newer tab.
    autoConnect: false,
  });
}

const ENTER_TIMEOUT_MS = 15_000;

function enter(connection: Manager, namespace: string): Promise<Socket> {
  const socket = connection.socket(namespace);
  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      clearTimeout(timer);
      socket.disconnect();
      reject(error);
    };
    const timer = setTimeout(() => fail(new Error(`no answer to opening ${namespace} in ${ENTER_TIMEOUT_MS} ms`)), ENTER_TIMEOUT_MS);
    socket.once("connect", () => {
      clearTimeout(timer);
      resolve(socket);
    });
    socket.once("connect_error", fail);
    socket.connect();
  });
}

export async function churnRooms(urls: [string, string], members: TChurnMembers, rooms: TChurnRoom[], concurrency: number): Promise<TChurnResult> {
  const started = performance.now();
  const connections = [memberConnection(urls[0], members.ownerCookie), memberConnection(urls[1], members.guestCookie)];
  const result: TChurnResult = { rooms: 0, failed: 0, firstError: null, seconds: 0 };
  const anchors = await Promise.all(connections.map((connection) => enter(connection, rooms[0]!.namespace)));
  result.rooms += 1;
  let next = 1;
  const worker = async () => {
    while (next < rooms.length) {
      const { namespace } = rooms[next++]!;
      const opened = await Promise.allSettled(connections.map((connection) => enter(connection, namespace)));
      for (const outcome of opened) if (outcome.status === "fulfilled") outcome.value.disconnect();
      const refusal = opened.find((outcome): outcome is PromiseRejectedResult => outcome.status === "rejected");
      if (refusal) {
        result.failed += 1;
        result.firstError ??= String(refusal.reason);
      } else result.rooms += 1;
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(concurrency, rooms.length) }, worker));
  } finally {
    for (const anchor of anchors) anchor.disconnect();
  }
  result.seconds = (performance.now() - started) / 1000;
  return result;
}
