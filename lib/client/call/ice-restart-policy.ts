/**
 * When to restart ICE, and how often. Both peers notice a broken path at about the same
 * moment; if both restarted at once their offers would collide (glare), so the side that
 * makes offers (the initiator) restarts first and the polite side waits long enough to
 * receive that offer instead of sending its own.
 */
export const ICE_RESTART_POLICY = {
  /** `disconnected` often heals by itself within a second or two (a lost burst, a Wi-Fi blip). */
  disconnectedGraceMs: 2_000,
  /** Extra wait of the polite side before it restarts on its own. */
  politeExtraDelayMs: 2_500,
  /** Backoff between unsuccessful restarts: a restart that has not connected by then is tried again. */
  backoffMs: [4_000, 6_000, 10_000, 15_000] as const,
  /** Restarts before the call is declared lost (each with fresh TURN credentials). */
  maxAttempts: 4,
  /** A call that never found a path is explained after this long (a refused TURN credential never reaches `failed`). */
  stallAfterMs: 20_000,
  /** How long the other member may be away from signaling while ICE is down before their call is given up. */
  peerAwayGiveUpMs: 30_000,
} as const;

export type TRestartTrigger = "disconnected" | "failed" | "network-change" | "resumed";

export function restartDelayMs(trigger: TRestartTrigger, polite: boolean): number {
  // Only this side saw its network change: it restarts at once, whichever side it is.
  if (trigger === "network-change") return 0;
  const base = trigger === "disconnected" ? ICE_RESTART_POLICY.disconnectedGraceMs : 0;
  return base + (polite ? ICE_RESTART_POLICY.politeExtraDelayMs : 0);
}

/** How long to wait for restart `attempt` (1-based) to connect before trying again. */
export function restartBackoffMs(attempt: number): number {
  const steps = ICE_RESTART_POLICY.backoffMs;
  return steps[Math.min(attempt, steps.length) - 1]!;
}
