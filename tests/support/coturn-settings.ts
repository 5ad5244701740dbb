import path from "node:path";

/**
 * How the e2e suite (tests/e2e/support/coturn.ts) and the network lab
 * (tests/network/lab-services.ts) run coturn, as turnserver.conf settings without the leading
 * "--": the part that ties a coturn to one test run, and the part every test coturn shares.
 */
export interface CoturnRun {
  /** The address coturn listens and relays on. */
  ip: string;
  port: number;
  relayPorts: { min: number; max: number };
  secret: string;
  realm: string;
  /** A temporary directory: without userdb coturn opens /var/lib/turn/turndb. */
  dir: string;
}

/** This run's addresses, ports, secret and files; the log goes to stdout for the test to read. */
export function coturnRunSettings({ ip, port, relayPorts, secret, realm, dir }: CoturnRun): string[] {
  return [
    `listening-ip=${ip}`,
    `relay-ip=${ip}`,
    `listening-port=${port}`,
    `min-port=${relayPorts.min}`,
    `max-port=${relayPorts.max}`,
    `static-auth-secret=${secret}`,
    `realm=${realm}`,
    `userdb=${path.join(dir, "turndb.sqlite")}`,
    `pidfile=${path.join(dir, "turnserver.pid")}`,
    "log-file=stdout",
  ];
}

/**
 * A test coturn without a config file: TURN REST credentials as Duet mints them, no certificate
 * (so no TLS or DTLS), no admin console, and fingerprints as browsers send them.
 */
export const TEST_COTURN_SETTINGS = ["use-auth-secret", "no-cli", "no-tls", "no-dtls", "fingerprint"];

/** turnserver's command line for these settings, with no config file read (-n). */
export function coturnArgs(settings: string[]): string[] {
  return ["-n", ...settings.map((setting) => `--${setting}`)];
}
