import { inNs, nft, NS_PREFIX, run } from "./lab-shell";

/**
 * The lab's network: an "internet" segment (a bridge in its own namespace, addresses from the
 * benchmarking range 198.18.0.0/15, which exist only in here) with a server namespace on it, and
 * homes: a router namespace (WAN on the internet bridge, LAN bridge 10.N.0.0/24) with client
 * namespaces behind it. No namespace has a link out of the lab: no packet leaves the machine.
 */
export const INTERNET_NS = `${NS_PREFIX}inet`;
export const SERVER_NS = `${NS_PREFIX}srv`;
export const SERVER_IP = "198.18.0.20";
const INTERNET_BRIDGE = "br-inet";
const INTERNET_PREFIX = 24;

/**
 * How a home router maps its LAN onto its one public address.
 * - "port-restricted": Linux `masquerade` keeps the source port and filters by conntrack, so a
 *   mapping is endpoint-independent and only answers the address:port it was sent to.
 * - "symmetric": `masquerade fully-random` picks a new port per destination, so the port the
 *   STUN server reflects is useless to the peer.
 */
export type NatKind = "port-restricted" | "symmetric";

export interface HomeSpec {
  nat: NatKind;
  /** The router drops every UDP packet headed for the internet (a strict corporate firewall). */
  blockUdp?: boolean;
  clients: number;
}

export interface Client {
  ns: string;
  ip: string;
  /** The client's veth end inside its router's namespace (where its wire can be cut). */
  routerPort: string;
  routerNs: string;
}

export interface Home {
  index: number;
  routerNs: string;
  wanIp: string;
  spec: HomeSpec;
  clients: Client[];
}

function addNamespace(ns: string): void {
  run("ip", ["netns", "add", ns]);
  run("ip", ["-n", ns, "link", "set", "lo", "up"]);
}

/** The internet bridge and the server namespace; everything else attaches to them. */
export function createInternet(): void {
  addNamespace(INTERNET_NS);
  run("ip", ["-n", INTERNET_NS, "link", "add", INTERNET_BRIDGE, "type", "bridge"]);
  run("ip", ["-n", INTERNET_NS, "link", "set", INTERNET_BRIDGE, "up"]);
  addNamespace(SERVER_NS);
  plugIntoInternet(SERVER_NS, "srv", `${SERVER_IP}/${INTERNET_PREFIX}`);
  routeEverythingElseToASink(SERVER_NS);
}

/**
 * A default route into a sink. Real servers and routers have a default route, so a packet for
 * an address that goes nowhere (a peer's private host candidate) just vanishes. Without one the
 * send fails at once with ENETUNREACH, and coturn answers that by closing the whole allocation
 * ("closed … reason: general"), which breaks relayed calls in a way the real internet does not.
 * The sink is a veth pair inside the namespace whose far end drops every frame at ingress (this
 * kernel has no dummy device, and a blackhole route fails sends with EINVAL); NOARP, so sends
 * never wait on an ARP answer that cannot come. Nothing leaves the machine.
 */
function routeEverythingElseToASink(ns: string): void {
  run("ip", ["-n", ns, "link", "add", "sink", "type", "veth", "peer", "name", "sink-end"]);
  nft(ns, 'table netdev duetlab_sink {\n  chain swallow { type filter hook ingress device "sink-end" priority 0; policy drop; }\n}\n');
  run("ip", ["-n", ns, "link", "set", "sink", "arp", "off", "up"]);
  run("ip", ["-n", ns, "link", "set", "sink-end", "up"]);
  run("ip", ["-n", ns, "route", "add", "default", "dev", "sink"]);
}

/** A veth from `ns` (its end named `local`) to a port of the internet bridge. */
function plugIntoInternet(ns: string, bridgePort: string, cidr: string, local = "eth0"): void {
  run("ip", ["-n", ns, "link", "add", local, "type", "veth", "peer", "name", bridgePort, "netns", INTERNET_NS]);
  run("ip", ["-n", INTERNET_NS, "link", "set", bridgePort, "master", INTERNET_BRIDGE, "up"]);
  run("ip", ["-n", ns, "addr", "add", cidr, "dev", local]);
  run("ip", ["-n", ns, "link", "set", local, "up"]);
}

/** The internet bridge's port for home N's router. */
function internetPortOf(index: number): string {
  return `r${index}`;
}

/** A home: router N (WAN 198.18.0.(100+N)) NATing LAN 10.N.0.0/24 with `spec.clients` clients on one bridge. */
export function createHome(index: number, spec: HomeSpec): Home {
  const routerNs = `${NS_PREFIX}r${index}`;
  const wanIp = `198.18.0.${100 + index}`;
  addNamespace(routerNs);
  plugIntoInternet(routerNs, internetPortOf(index), `${wanIp}/${INTERNET_PREFIX}`, "wan");
  run("ip", ["-n", routerNs, "link", "add", "lan", "type", "bridge"]);
  run("ip", ["-n", routerNs, "addr", "add", `10.${index}.0.1/24`, "dev", "lan"]);
  run("ip", ["-n", routerNs, "link", "set", "lan", "up"]);
  routeEverythingElseToASink(routerNs);
  inNs(routerNs, "sysctl", ["-qw", "net.ipv4.ip_forward=1"]);
  nft(routerNs, routerRuleset(spec));

  const clients = Array.from({ length: spec.clients }, (_, i) => {
    const letter = String.fromCharCode(97 + i);
    const ns = `${NS_PREFIX}r${index}${letter}`;
    const ip = `10.${index}.0.${2 + i}`;
    const routerPort = `c${letter}`;
    addNamespace(ns);
    run("ip", ["-n", ns, "link", "add", "eth0", "type", "veth", "peer", "name", routerPort, "netns", routerNs]);
    run("ip", ["-n", routerNs, "link", "set", routerPort, "master", "lan", "up"]);
    run("ip", ["-n", ns, "addr", "add", `${ip}/24`, "dev", "eth0"]);
    run("ip", ["-n", ns, "link", "set", "eth0", "up"]);
    run("ip", ["-n", ns, "route", "add", "default", "via", `10.${index}.0.1`]);
    return { ns, ip, routerPort, routerNs };
  });
  return { index, routerNs, wanIp, spec, clients };
}

/**
 * A home router's firewall and NAT. Unsolicited inbound is dropped at input as well as forward,
 * as a real home router does: otherwise a peer's early connectivity check creates a conntrack
 * entry on the router itself, the inside's own mapping then collides with it and Linux picks
 * another port, and hole punching fails in a way real routers rarely cause.
 * (`fwd` is an nftables keyword, hence the chain names.)
 */
function routerRuleset({ nat, blockUdp }: HomeSpec): string {
  return `
table inet duetlab {
  chain inbound {
    type filter hook input priority 0; policy accept;
    iifname "wan" ct state new,invalid counter drop
  }
  chain transit {
    type filter hook forward priority 0; policy accept;
    iifname "wan" ct state new,invalid counter drop
    ${blockUdp ? 'oifname "wan" meta l4proto udp counter drop' : ""}
  }
}
table ip duetlab_nat {
  chain postrouting {
    type nat hook postrouting priority srcnat; policy accept;
    oifname "wan" masquerade${nat === "symmetric" ? " fully-random" : ""}
  }
}
`;
}

/**
 * Cuts a client's wire: every frame in either direction is silently dropped at both veth ends'
 * ingress. A drop rule rather than `ip link set down`, which would also delete routes and make
 * Chromium handle a network change instead of a plain loss; and ingress rather than an output
 * hook, which would hand the sender an EPERM instead of silence.
 */
export function cutLink(client: Client): void {
  nft(client.routerNs, cutRuleset(client.routerPort));
  nft(client.ns, cutRuleset("eth0"));
}

export function restoreLink(client: Client): void {
  nft(client.routerNs, "delete table netdev duetlab_cut\n");
  nft(client.ns, "delete table netdev duetlab_cut\n");
}

function cutRuleset(device: string): string {
  return `table netdev duetlab_cut {\n  chain wire { type filter hook ingress device "${device}" priority 0; policy drop; }\n}\n`;
}

export function removeHome(home: Home): void {
  // The kernel tears a deleted namespace down in the background, so its veth peer on the
  // internet bridge can outlive `ip netns del` for a moment; the next row's home reuses that
  // port name. Deleting the wire itself first removes both ends at once.
  try {
    run("ip", ["-n", INTERNET_NS, "link", "del", internetPortOf(home.index)]);
  } catch {
    // Already gone (a home that failed half-way through being made).
  }
  for (const ns of [...home.clients.map((client) => client.ns), home.routerNs]) deleteNamespace(ns);
}

/** Every lab namespace, e.g. left over from a run that was killed. */
export function labNamespaces(): string[] {
  return run("ip", ["netns", "list"])
    .split("\n")
    .map((line) => line.split(" ")[0] ?? "")
    .filter((name) => name.startsWith(NS_PREFIX));
}

/** PIDs of processes living in a lab namespace (browsers, servers a crashed run left behind). */
export function namespacePids(ns: string): number[] {
  return run("ip", ["netns", "pids", ns]).split(/\s+/).filter(Boolean).map(Number);
}

export function deleteNamespace(ns: string): void {
  // Deleting a namespace also deletes its veth ends, and with them their peers.
  run("ip", ["netns", "del", ns]);
}
