import { readFileSync } from "node:fs";
import path from "node:path";
import { inCoturn46Range, inSpan, parsePeerRange } from "./coturn-peer-ranges";

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

const deniedRanges = () => valuesOf("denied-peer-ip").map((value) => parsePeerRange(value ?? ""));

/**
 * The denied ranges holding `address`, checked both ways: as coturn 4.5/4.6 compares (what
 * Debian and Ubuntu ship) and as the ranges read (what coturn 4.16+ compares). The config must
 * work under both.
 */
function denial(address: string): { address: string; coturn46: boolean; span: boolean } {
  const ranges = deniedRanges();
  return { address, coturn46: ranges.some((range) => inCoturn46Range(range, address)), span: ranges.some((range) => inSpan(range, address)) };
}
const denied = (address: string) => ({ address, coturn46: true, span: true });
const relayed = (address: string) => ({ address, coturn46: false, span: false });

describe("the shipped coturn config (deploy/coturn/turnserver.conf)", () => {
  it("is made only of options, with no option left without its value", () => {
    expect(options.length).toBeGreaterThan(20);
    for (const key of ["realm", "listening-port", "tls-listening-port", "min-port", "max-port", "cert", "pkey"]) {
      expect(single(key)).toMatch(/\S/);
    }
  });

  it("denies relaying to loopback, private, link-local and metadata ranges", () => {
    const internal = [
      "127.0.0.1",
      "127.255.255.254", // loopback
      "10.0.0.1",
      "10.255.255.255",
      "172.16.0.1",
      "172.31.255.254",
      "192.168.0.1",
      "192.168.255.255", // private
      "169.254.169.254",
      "169.254.0.1", // link-local, cloud metadata
      "100.64.0.1",
      "100.127.255.254", // carrier-grade NAT
      "0.0.0.0",
      "0.1.2.3", // "this network"
      "224.0.0.1",
      "239.255.255.250",
      "255.255.255.255",
      "240.0.0.1", // multicast, reserved, broadcast
    ];
    for (const address of internal) expect(denial(address)).toEqual(denied(address));
  });

  it("denies the IPv6 loopback, link-local, site-local, unique-local and multicast ranges", () => {
    for (const address of ["::1", "fe80::1", "febf::1", "fec0::1", "fc00::1", "fd12:3456::1", "ff02::1"])
      expect(denial(address)).toEqual(denied(address));
  });

  it("denies the IPv4 ranges spelled as IPv6: IPv4-compatible, -mapped and -translated, NAT64 and 6to4", () => {
    const embedded = [
      "::7f00:1",
      "::a9fe:a9fe",
      "::10.0.0.1",
      "::192.168.1.1", // IPv4-compatible ::/96
      "::a00:100",
      "::a00:0",
      "::a01:0",
      "::b00:0",
      "::1:0",
      "::100", // ...including those ending in zero bytes
      "::ffff:127.0.0.1",
      "::ffff:10.0.0.1",
      "::ffff:169.254.169.254", // IPv4-mapped ::ffff:0:0/96
      "::ffff:0:7f00:1",
      "::ffff:0:a9fe:a9fe", // IPv4-translated ::ffff:0:0:0/96
      "64:ff9b::a9fe:a9fe",
      "64:ff9b::7f00:1",
      "64:ff9b:1::a9fe:a9fe", // NAT64
      "2002:a9fe:a9fe::1",
      "2002:7f00:1::",
      "2002:a00:1::1", // 6to4 of the metadata service, loopback, 10.0.0.1
    ];
    for (const address of embedded) expect(denial(address)).toEqual(denied(address));
  });

  it("never ends a denied range at an unspecified address, which coturn 4.6 takes to mean every peer", () => {
    // Measured: "::", "0.0.0.0" and "0.0.0.0-0.0.0.0" each made coturn refuse 127.0.0.1 despite
    // allow-loopback-peers; "0.0.0.0-0.255.255.255" did not.
    const isUnspecified = (address: string) => address.replace(/[:.0]/g, "") === "";
    const denyingEveryone = valuesOf("denied-peer-ip").filter((value) => isUnspecified((value ?? "").split("-").pop() ?? ""));
    expect(denyingEveryone).toEqual([]);
  });

  it("still relays to public addresses, IPv4 and IPv6, so calls through it work", () => {
    // A range starting at "::" would fail this in coturn 4.6: it takes in every IPv4 peer.
    const public4 = ["1.1.1.1", "8.8.8.8", "93.184.216.34", "172.32.0.1", "100.128.0.1", "11.0.0.1", "223.255.255.254"];
    const public6 = ["2606:4700:4700::1111", "2a00:1450:4001::1", "2001:4860:4860::8888", "2003::1", "1::1", "::1:0:0:1"];
    for (const address of [...public4, ...public6]) expect(denial(address)).toEqual(relayed(address));
  });

  it("models coturn 4.6's range check with the quirks measured on it", () => {
    // Measured on coturn 4.6.1: "::-::ffff:ffff" refused 127.0.0.1 despite allow-loopback-peers;
    // "::1-::ffff:ffff" refused ::7f00:1 but relayed to ::a00:0, ::a00:100 and ::7f00:100.
    expect(inCoturn46Range(parsePeerRange("::-::ffff:ffff"), "127.0.0.1")).toBe(true);
    for (const address of ["::a00:0", "::a00:100", "::7f00:100"]) expect(inCoturn46Range(parsePeerRange("::1-::ffff:ffff"), address)).toBe(false);
    expect(inCoturn46Range(parsePeerRange("::1-::ffff:ffff"), "::7f00:1")).toBe(true);
  });

  it("never allows loopback peers and makes no exceptions to the denied ranges", () => {
    expect(has("allow-loopback-peers")).toBe(false);
    // allowed-peer-ip wins over denied-peer-ip in coturn; an operator adds one deliberately.
    expect(valuesOf("allowed-peer-ip")).toEqual([]);
    expect(has("no-multicast-peers")).toBe(true);
  });

  it("uses the TURN REST shared secret that Duet's /api/turn signs with, and no static users", () => {
    expect(has("use-auth-secret")).toBe(true);
    // No live placeholder: anyone who read the file could mint credentials for an unedited coturn.
    expect(has("static-auth-secret")).toBe(false);
    expect(readFileSync(CONFIG_PATH, "utf8")).toMatch(/^# static-auth-secret=REPLACE-/m);
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
