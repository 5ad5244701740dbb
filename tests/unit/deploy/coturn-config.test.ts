import { readFileSync } from "node:fs";
import { BlockList, isIP } from "node:net";
import path from "node:path";

const CONFIG_PATH = path.resolve(__dirname, "../../../deploy/coturn/turnserver.conf");

interface Option {
  key: string;
  /** `undefined` for a bare flag such as `no-cli`. */
  value: string | undefined;
}

/**
 * Reads a turnserver.conf the way coturn does: one `option` or `option=value` per line,
 * `#` starts a comment line, an optional leading `--` is ignored, values may be quoted.
 */
function parseCoturnConfig(text: string): Option[] {
  return text.split(/\r?\n/).flatMap((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return [];
    const [, key, rawValue] = /^(?:--)?([a-z0-9_-]+)\s*(?:=\s*(.*))?$/i.exec(line) ?? [];
    if (!key) throw new Error(`line ${index + 1} is not an option: ${raw}`);
    const value = rawValue?.trim().replace(/^"(.*)"$/, "$1");
    return [{ key: key.toLowerCase(), value }];
  });
}

const options = parseCoturnConfig(readFileSync(CONFIG_PATH, "utf8"));
const valuesOf = (key: string) => options.filter((option) => option.key === key).map((option) => option.value);
const has = (key: string) => options.some((option) => option.key === key);
const single = (key: string) => {
  const values = valuesOf(key);
  if (values.length !== 1) throw new Error(`expected exactly one ${key}, found ${values.length}`);
  return values[0];
};
const integer = (key: string) => Number.parseInt(single(key) ?? "", 10);

/** denied-peer-ip values as coturn reads them: `first-last` or one address, IPv4 and IPv6 apart. */
function deniedPeers(): { v4: BlockList; v6: BlockList } {
  const lists = { v4: new BlockList(), v6: new BlockList() };
  for (const value of valuesOf("denied-peer-ip")) {
    const [first = "", last = first] = (value ?? "").split("-");
    const family = isIP(first);
    if (family === 0 || isIP(last) !== family) throw new Error(`denied-peer-ip=${value} is not an address or range`);
    const type = family === 4 ? "ipv4" : "ipv6";
    lists[family === 4 ? "v4" : "v6"].addRange(first, last, type);
  }
  return lists;
}

describe("the shipped coturn config (deploy/coturn/turnserver.conf)", () => {
  it("is made only of options, with no option left without its value", () => {
    expect(options.length).toBeGreaterThan(20);
    for (const key of ["static-auth-secret", "realm", "listening-port", "tls-listening-port", "min-port", "max-port", "cert", "pkey"]) {
      expect(single(key)).toMatch(/\S/);
    }
  });

  it("denies relaying to loopback, private, link-local and metadata ranges", () => {
    const { v4 } = deniedPeers();
    const internal = [
      "127.0.0.1", "127.255.255.254", // loopback
      "10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.254", "192.168.0.1", "192.168.255.255", // private
      "169.254.169.254", "169.254.0.1", // link-local, cloud metadata
      "100.64.0.1", "100.127.255.254", // carrier-grade NAT
      "0.0.0.0", "0.1.2.3", // "this network"
      "224.0.0.1", "239.255.255.250", "255.255.255.255", "240.0.0.1", // multicast, reserved, broadcast
    ];
    for (const address of internal) expect({ address, denied: v4.check(address, "ipv4") }).toEqual({ address, denied: true });
  });

  it("denies the IPv6 loopback, link-local, unique-local and IPv4-mapped ranges", () => {
    const { v6 } = deniedPeers();
    const internal = [
      "::1", "fe80::1", "febf::1", "fc00::1", "fd12:3456::1", "ff02::1",
      "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", // IPv4-mapped: the IPv4 ranges by another name
      "64:ff9b::a9fe:a9fe", "64:ff9b::7f00:1", // NAT64 to the metadata service and to loopback
    ];
    for (const address of internal) expect({ address, denied: v6.check(address, "ipv6") }).toEqual({ address, denied: true });
  });

  it("never ends a denied range at an unspecified address, which coturn 4.6 takes to mean every peer", () => {
    // Measured: "::", "0.0.0.0" and "0.0.0.0-0.0.0.0" each made coturn refuse 127.0.0.1 despite
    // allow-loopback-peers; "0.0.0.0-0.255.255.255" did not.
    const isUnspecified = (address: string) => address.replace(/[:.0]/g, "") === "";
    const denyingEveryone = valuesOf("denied-peer-ip").filter((value) => isUnspecified((value ?? "").split("-").pop() ?? ""));
    expect(denyingEveryone).toEqual([]);
  });

  it("still relays to public addresses, so calls through it work", () => {
    const { v4, v6 } = deniedPeers();
    for (const address of ["1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1"]) {
      expect({ address, denied: v4.check(address, "ipv4") }).toEqual({ address, denied: false });
    }
    for (const address of ["2606:4700:4700::1111", "2a00:1450:4001::1"]) {
      expect({ address, denied: v6.check(address, "ipv6") }).toEqual({ address, denied: false });
    }
  });

  it("never allows loopback peers and makes no exceptions to the denied ranges", () => {
    expect(has("allow-loopback-peers")).toBe(false);
    // allowed-peer-ip wins over denied-peer-ip in coturn; an operator adds one deliberately.
    expect(valuesOf("allowed-peer-ip")).toEqual([]);
    expect(has("no-multicast-peers")).toBe(true);
  });

  it("uses the TURN REST shared secret that Duet's /api/turn signs with, and no static users", () => {
    expect(has("use-auth-secret")).toBe(true);
    expect(single("static-auth-secret")).toMatch(/^REPLACE-/);
    for (const key of ["user", "lt-cred-mech", "no-auth", "userdb", "oauth"]) expect({ key, present: has(key) }).toEqual({ key, present: false });
    expect(integer("stale-nonce")).toBeGreaterThan(0);
  });

  it("sets quotas and a per-session bandwidth cap", () => {
    expect(integer("user-quota")).toBeGreaterThanOrEqual(4);
    expect(integer("user-quota")).toBeLessThanOrEqual(50);
    expect(integer("total-quota")).toBeGreaterThan(integer("user-quota"));
    // Bytes per second: at least 2 Mbit/s for HD video, at most 10 Mbit/s per session.
    expect(integer("max-bps")).toBeGreaterThanOrEqual(250_000);
    expect(integer("max-bps")).toBeLessThanOrEqual(1_250_000);
  });

  it("disables the CLI, requires TLS 1.2+, adds fingerprints and logs somewhere an operator looks", () => {
    expect(has("no-cli")).toBe(true);
    expect(has("cli-password")).toBe(false);
    expect(has("fingerprint")).toBe(true);
    expect(has("no-tlsv1")).toBe(true);
    expect(has("no-tlsv1_1")).toBe(true);
    expect(has("syslog") || valuesOf("log-file").includes("stdout")).toBe(true);
  });

  it("listens on the standard TURN ports with a relay port range", () => {
    expect(integer("listening-port")).toBe(3478);
    expect(integer("tls-listening-port")).toBe(5349);
    expect(integer("min-port")).toBeGreaterThanOrEqual(1024);
    expect(integer("max-port")).toBeGreaterThan(integer("min-port"));
    expect(integer("max-port")).toBeLessThanOrEqual(65_535);
    expect(has("no-tcp-relay")).toBe(true);
  });
});
