import { expect, test } from "../support/test";
import path from "node:path";
import { relayThroughCoturn, startCoturn } from "../support/coturn";
import { askPermissions } from "../support/turn-permission";
import { connectRelayedPair, selectedPairOf } from "./relay-probe";

const SHIPPED_CONFIG = path.resolve(__dirname, "../../../deploy/coturn/turnserver.conf");

// Each coturn below runs deploy/coturn/turnserver.conf with only its ports, secret, certificate
// and files swapped for test-local ones.

test("the shipped coturn config runs, takes Duet's TURN REST credentials and refuses to relay to loopback", async () => {
  const coturn = await startCoturn({ configFile: SHIPPED_CONFIG });
  try {
    // coturn keeps running past options it cannot read, so its log is where a typo shows.
    await expect.poll(() => coturn.log()).toContain("Relay ports initialization done");
    expect(coturn.log()).not.toMatch(/Bad configuration format|Wrong address format|error resolving/i);
    expect(coturn.log()).toContain("Black listing: 169.254.0.0-169.254.255.255");

    const withSecret = await relayThroughCoturn(coturn, { peer: "127.0.0.1", secret: coturn.secret });
    // The allocation succeeded (the credential was accepted); the channel to loopback was not.
    expect(withSecret).not.toContain("Cannot complete Allocation");
    expect(withSecret).toContain("403 (Forbidden IP)");

    const withWrongSecret = await relayThroughCoturn(coturn, { peer: "127.0.0.1", secret: "not-the-secret" });
    expect(withWrongSecret).toContain("Cannot complete Allocation");
  } finally {
    await coturn.stop();
  }
});

test("the shipped coturn config refuses IPv6 peers that spell an internal IPv4 address", async () => {
  // An IPv6 relay (on ::1), so coturn judges IPv6 peers instead of answering 443 (family mismatch).
  const coturn = await startCoturn({ configFile: SHIPPED_CONFIG, add: ["listening-ip=::1", "relay-ip=::1"] });
  try {
    const credential = coturn.credential("shipped-config-ipv6", Math.floor(Date.now() / 1000) + 600);
    // Permissions only: nothing is sent to these addresses, even if coturn allowed one.
    const embedded = {
      "::7f00:1": "::127.0.0.1", // IPv4-compatible loopback
      "::a9fe:a9fe": "::169.254.169.254", // IPv4-compatible metadata service
      "::a00:100": "::10.0.1.0", // IPv4-compatible, last byte 0
      "::ffff:a9fe:a9fe": "::ffff:169.254.169.254", // IPv4-mapped
      "::ffff:0:a9fe:a9fe": "::ffff:0:a9fe:a9fe", // IPv4-translated
      "64:ff9b::a9fe:a9fe": "64:ff9b::a9fe:a9fe", // NAT64
      "2002:a9fe:a9fe::1": "2002:a9fe:a9fe::1", // 6to4
    };
    const answers = await askPermissions({ host: "::1", port: coturn.port, ...credential }, Object.keys(embedded));
    expect(answers).toEqual(Object.fromEntries(Object.keys(embedded).map((peer) => [peer, 403])));
    // Refused by a denied range, not by coturn's own loopback or zero-address checks. (coturn
    // writes its log line after answering, so the last one may still be on its way.)
    for (const logged of Object.values(embedded)) await expect.poll(() => coturn.log()).toContain(`A peer IP ${logged} denied in the range`);
  } finally {
    await coturn.stop();
  }
});

test("with only its loopback range lifted, the shipped config relays a browser call: nothing else in it blocks ordinary peers", async ({ page }) => {
  // Loopback is the one peer address a test may use, so it stands in for a public one.
  const coturn = await startCoturn({ configFile: SHIPPED_CONFIG, drop: /^denied-peer-ip=127\./, add: ["allow-loopback-peers"] });
  try {
    const credential = coturn.credential("shipped-config-check", Math.floor(Date.now() / 1000) + 600);
    const offerer = await connectRelayedPair(page, { urls: [coturn.urls.udp], ...credential });
    await expect.poll(() => offerer.evaluate((pc) => pc.connectionState), { timeout: 10_000 }).toBe("connected");
    expect(await selectedPairOf(offerer)).toMatchObject({ local: { candidateType: "relay" }, remote: { candidateType: "relay" } });
  } finally {
    await coturn.stop();
  }
});
