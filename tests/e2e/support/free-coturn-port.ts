import { createSocket } from "node:dgram";
import { createServer } from "node:net";
import { freePort } from "./free-port";

// coturn listens on its port and, for RFC 5780, on the port above it, over UDP and TCP, on
// every listening address. A socket already on any of those makes it retry the bind for up to
// a minute before answering anything, so a port is only chosen once all of them are free.
const ATTEMPTS = 20;

/** A port that coturn can listen on, with its alternate (port + 1), on each of `addresses`. */
export async function freeCoturnPort(addresses: string[]): Promise<number> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const port = await freePort();
    if (port >= 65_535) continue;
    const checks = addresses.flatMap((address) => [port, port + 1].flatMap((p) => [udpFree(address, p), tcpFree(address, p)]));
    if ((await Promise.all(checks)).every(Boolean)) return port;
  }
  throw new Error(`no port free for coturn on ${addresses.join(", ")} after ${ATTEMPTS} tries`);
}

function udpFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createSocket(address.includes(":") ? "udp6" : "udp4");
    socket.once("error", () => resolve(false));
    socket.bind(port, address, () => socket.close(() => resolve(true)));
  });
}

function tcpFree(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, address, () => server.close(() => resolve(true)));
  });
}
