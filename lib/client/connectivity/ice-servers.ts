import type { RTCIceServerInit } from "@/lib/shared/turn";
import type { TTurnTransport } from "./types";

export interface TSplitIceServers {
  /** Every stun:/stuns: URL Duet offers, in one entry. */
  stun: RTCIceServerInit | null;
  /** One entry per TURN transport, each with only that transport's URLs and its credentials. */
  turn: Array<{ transport: TTurnTransport; server: RTCIceServerInit }>;
}

const TRANSPORT_ORDER: TTurnTransport[] = ["udp", "tcp", "tls"];

/** turns: is TLS; turn: is UDP unless it says ?transport=tcp. */
export function turnTransportOf(url: string): TTurnTransport | null {
  if (/^turns:/i.test(url)) return "tls";
  if (!/^turn:/i.test(url)) return null;
  return /[?&]transport=tcp\b/i.test(url) ? "tcp" : "udp";
}

/** Duet's ICE servers (GET /api/turn) regrouped so each transport can be probed on its own. */
export function splitIceServers(iceServers: RTCIceServerInit[]): TSplitIceServers {
  const stunUrls: string[] = [];
  const turn = new Map<TTurnTransport, RTCIceServerInit>();
  for (const server of iceServers) {
    for (const url of [server.urls].flat()) {
      if (/^stuns?:/i.test(url)) stunUrls.push(url);
      const transport = turnTransportOf(url);
      if (!transport) continue;
      const entry = turn.get(transport) ?? { urls: [], username: server.username, credential: server.credential };
      (entry.urls as string[]).push(url);
      turn.set(transport, entry);
    }
  }
  return {
    stun: stunUrls.length > 0 ? { urls: stunUrls } : null,
    turn: TRANSPORT_ORDER.flatMap((transport) => {
      const server = turn.get(transport);
      return server ? [{ transport, server }] : [];
    }),
  };
}
