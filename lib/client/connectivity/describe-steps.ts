import type { TSignalingResult, TStepState, TStunResult, TTurnProbeResult, TTurnTransport } from "./types";

const TRANSPORT_NAMES: Record<TTurnTransport, string> = { udp: "UDP", tcp: "TCP", tls: "TLS" };

export function signalingStep({ transport, refusal }: TSignalingResult): TStepState {
  if (transport === "websocket") return { status: "pass", message: "Duet's realtime server is reachable over WebSocket." };
  if (transport === "polling") {
    return {
      status: "warn",
      message: "Duet's realtime server is reachable only over long-polling (WebSocket is blocked here): calls work, but react more slowly.",
    };
  }
  return { status: "fail", message: `Duet's realtime server can't be reached${refusal ? `. ${refusal}` : " over WebSocket or long-polling."}` };
}

export function stunStep({ configured, srflx }: TStunResult): TStepState {
  if (!configured) return { status: "warn", message: "No STUN server is configured, so this network's public address can't be learnt." };
  if (srflx) return { status: "pass", message: "UDP works: the STUN server told us this network's public address." };
  return { status: "fail", message: "The STUN server didn't answer: UDP seems blocked on this network." };
}

export function turnStep(probes: TTurnProbeResult[]): TStepState {
  if (probes.length === 0) return { status: "warn", message: "No relay (TURN) server is configured." };
  const names = (list: TTurnProbeResult[]) => list.map((probe) => TRANSPORT_NAMES[probe.transport]).join(" and ");
  const allocated = probes.filter((probe) => probe.relay);
  const failed = probes.filter((probe) => !probe.relay);
  const refused = failed.filter((probe) => probe.errorCodes.includes(401));
  const parts: string[] = [];
  if (allocated.length > 0) parts.push(`Relay allocated over ${names(allocated)}.`);
  if (refused.length > 0) parts.push(`The relay server refused Duet's credentials (401) over ${names(refused)}.`);
  const unreachable = failed.filter((probe) => !refused.includes(probe));
  if (unreachable.length > 0) parts.push(`No relay over ${names(unreachable)}: the relay server can't be reached that way.`);
  const status = failed.length === 0 ? "pass" : allocated.length > 0 ? "warn" : "fail";
  return { status, message: parts.join(" ") };
}
