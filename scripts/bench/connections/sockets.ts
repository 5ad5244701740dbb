/** Room sockets as a browser opens them: WebSocket only, the member's cookie, the site's Origin. */
import { io, type Socket } from "socket.io-client";
import { REALTIME_PATH } from "../../../lib/shared/realtime-events";
import { TEST_SITE_URL } from "../../../tests/helpers/realtime-server";

export interface TTarget {
  namespace: string;
  cookie: string;
}

const CONNECT_TIMEOUT_MS = 30_000;

export function connectSocket(url: string, { namespace, cookie }: TTarget): Promise<Socket> {
  const socket = io(`${url}${namespace}`, {
    path: REALTIME_PATH,
    transports: ["websocket"],
    extraHeaders: { cookie, origin: TEST_SITE_URL },
    forceNew: true,
    reconnection: false,
    timeout: CONNECT_TIMEOUT_MS,
  });
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", (error) => {
      socket.close();
      reject(error);
    });
  });
}

export interface TOpened {
  sockets: Socket[];
  failed: number;
  firstError: string | null;
  seconds: number;
}

/** Opens a socket per target, at most `concurrency` handshakes in flight. */
export async function openAll(url: string, targets: TTarget[], concurrency: number): Promise<TOpened> {
  const started = performance.now();
  const sockets: Socket[] = [];
  let failed = 0;
  let firstError: string | null = null;
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const target = targets[next++]!;
      try {
        sockets.push(await connectSocket(url, target));
      } catch (error) {
        failed += 1;
        firstError ??= (error as Error).message;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, targets.length) }, worker));
  return { sockets, failed, firstError, seconds: (performance.now() - started) / 1000 };
}

/** Closes the sockets; callers wait on the server's own count to see them gone. */
export function closeAll(sockets: Socket[]): void {
  for (const socket of sockets) socket.disconnect();
}
