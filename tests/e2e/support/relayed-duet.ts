import { test } from "@playwright/test";
import { startCoturn, type Coturn } from "./coturn";
import { startDuet, type DuetProcess } from "./duet-process";
import { freePort } from "./free-port";

export interface RelayedDuet {
  coturn: Coturn;
  duet: DuetProcess;
}

/**
 * A real coturn on loopback and a Duet of the spec's own that hands out its TURN credentials
 * (over the given transports), with no STUN: the browsers' only way out is the relay. Started
 * before the spec's tests and stopped after them; read it inside a test or hook.
 */
export function useRelayedDuet({
  transports = ["udp", "tcp"],
  env = {},
}: { transports?: Array<"udp" | "tcp">; env?: Record<string, string> } = {}): RelayedDuet {
  const setup = {} as RelayedDuet;
  test.beforeAll(async () => {
    setup.coturn = await startCoturn();
    setup.duet = await startDuet({
      port: await freePort(),
      env: {
        TURN_URLS: transports.map((transport) => setup.coturn.urls[transport]).join(","),
        TURN_SECRET: setup.coturn.secret,
        STUN_URLS: "",
        ...env,
      },
    });
  });
  test.afterAll(async () => {
    await setup.duet?.stop();
    await setup.coturn?.stop();
  });
  return setup;
}
