import { hash, verify } from "@node-rs/argon2";

// OWASP's first argon2id configuration: 19 MiB, 2 iterations, 1 lane.
// `algorithm: 2` is Argon2id; the package's Algorithm enum is a const enum that
// isolated-module compilers (SWC, Turbopack) cannot inline.
const ARGON2ID = { algorithm: 2 as const, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2ID);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    // A malformed stored hash is a failed sign-in, not a server error.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/** Spends the time of a real check, so response time doesn't reveal which emails exist. */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword("duet-dummy-password-for-timing");
  await verifyPassword(await dummyHash, password);
  return false;
}
