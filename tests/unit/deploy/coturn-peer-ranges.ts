import { BlockList, isIP } from "node:net";

/** An address as coturn holds it: its family and its bytes in network order. */
interface Address {
  family: 4 | 6;
  bytes: number[];
}

/** One `denied-peer-ip=first-last` (or `=address`, first and last alike). */
export interface PeerRange {
  text: string;
  first: Address;
  last: Address;
}

export function parsePeerRange(text: string): PeerRange {
  const [first = "", last = first] = text.split("-");
  const family = isIP(first);
  if (family === 0 || isIP(last) !== family) throw new Error(`denied-peer-ip=${text} is not an address or range`);
  return { text, first: parseAddress(first), last: parseAddress(last) };
}

function parseAddress(text: string): Address {
  return isIP(text) === 4 ? { family: 4, bytes: text.split(".").map(Number) } : { family: 6, bytes: ipv6Bytes(text) };
}

/** The 16 bytes of an IPv6 address in any spelling isIP accepts ("::", "::ffff:1.2.3.4", …). */
function ipv6Bytes(text: string): number[] {
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  const hex = dotted
    ? `${text.slice(0, dotted.index)}${((Number(dotted[1]) << 8) | Number(dotted[2])).toString(16)}:${((Number(dotted[3]) << 8) | Number(dotted[4])).toString(16)}`
    : text;
  const [head = "", tail] = hex.split("::");
  const groups = (part: string | undefined) => (part ? part.split(":") : []);
  const zeros = tail === undefined ? 0 : 8 - groups(head).length - groups(tail).length;
  return [...groups(head), ...Array<string>(zeros).fill("0"), ...groups(tail)].flatMap((group) => {
    const value = Number.parseInt(group, 16);
    return [value >> 8, value & 0xff];
  });
}

/**
 * Whether coturn 4.5/4.6 counts `peer` inside `range`: ioa_addr_in_range and addr_less_eq in
 * src/client/ns_turn_ioaddr.c (unchanged from coturn's first import until 4.16). Three quirks
 * that a plain range check misses, each seen on coturn 4.6.1 here:
 * - an all-zero bound ("::", "0.0.0.0") is no bound at all, so "::-::ffff:ffff" holds every
 *   IPv4 peer too, through the next quirk;
 * - addresses of different families compare by AF_INET (2) < AF_INET6 (10): any IPv4 address
 *   is "below" any IPv6 one;
 * - IPv6 addresses compare byte by byte (each byte of the one ≤ the same byte of the other), so
 *   an IPv6 range is a box: "::1-::ffff:ffff" misses ::a00:100, whose last byte 0 is below 1.
 */
export function inCoturn46Range({ first, last }: PeerRange, peerText: string): boolean {
  const peer = parseAddress(peerText);
  const any = (address: Address) => address.bytes.every((byte) => byte === 0);
  const lessOrEqual = (a: Address, b: Address): boolean => {
    if (a.family !== b.family) return a.family === 4;
    if (a.family === 4) return compareBytes(a.bytes, b.bytes) <= 0;
    return a.bytes.every((byte, i) => byte <= (b.bytes[i] ?? 0));
  };
  if (!any(first) && !lessOrEqual(first, peer)) return false;
  return any(last) || lessOrEqual(peer, last);
}

function compareBytes(a: number[], b: number[]): number {
  const i = a.findIndex((byte, index) => byte !== b[index]);
  return i === -1 ? 0 : (a[i] ?? 0) - (b[i] ?? 0);
}

/**
 * Whether `peer` falls in a range the way the option means it (and coturn 4.16+ checks it):
 * the contiguous span from first to last of the peer's own family.
 */
export function inSpan({ first, text }: PeerRange, peer: string): boolean {
  if (first.family !== parseAddress(peer).family) return false;
  const type = first.family === 4 ? "ipv4" : "ipv6";
  const list = new BlockList();
  const [from = "", to = from] = text.split("-");
  list.addRange(from, to, type);
  return list.check(peer, type);
}
