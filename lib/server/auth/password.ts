import { hash, verify } from "@node-rs/argon2";
import { createConcurrencyGate, type ConcurrencyGateOptions, type TConcurrencyGate } from "./concurrency-gate";

// OWASP's first argon2id configuration: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Argon2id; the package's Algorithm enum is a const enum that
// isolated-module compilers (SWC, Turbopack) cannot inline.
const ARGON2ID = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** Defaults of PASSWORD_HASH_CONCURRENCY and PASSWORD_HASH_QUEUE. */
export const DEFAULT_PASSWORD_GATE: ConcurrencyGateOptions = { concurrency: 2, maxQueue: 32 };

interface TGateSlot {
  gate: TConcurrencyGate | null;
}

/**
 * Every argon2 hash and verification in the process passes one gate: each holds 19 MiB while it
 * runs, so a flood of sign-ins would otherwise grow memory with the flood (up to libuv's thread
 * pool at a time, with every waiting request's state on top).
 */
const slot: TGateSlot = { gate: createConcurrencyGate(DEFAULT_PASSWORD_GATE) };

/** Sets the gate from the environment (server.ts), or removes it (null; the benchmark's baseline). */
export function configurePasswordGate(options: ConcurrencyGateOptions | null): void {
  slot.gate = options && createConcurrencyGate(options);
}

function gated<T>(task: () => Promise<T>): Promise<T> {
  return slot.gate ? slot.gate.run(task) : task();
}

export function hashPassword(password: string): Promise<string> {
  return gated(() => hash(password, ARGON2ID));
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return gated(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      // A malformed stored hash is a failed sign-in, not a server error.
      return false;
    }
  });
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real check, so response time doesn't reveal which emails exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("duet-dummy-password-for-timing").catch((error: unknown) => {
    // A busy gate refused it: the next caller tries again rather than inheriting the refusal.
    dummyHash = undefined;
    throw error;
  });
  await verifyPassword(await dummyHash, password);
  return false;
}
