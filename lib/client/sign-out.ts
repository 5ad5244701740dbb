import type { SignOutParams } from "next-auth/react";

/**
 * next-auth's signOut, fetched when someone signs out. Imported statically, its browser client
 * (~12 kB gzipped) would ride along with every page: the header's Sign out button is on all of them.
 */
export async function signOut(params: SignOutParams<true>): Promise<void> {
  const nextAuth = await import("next-auth/react");
  await nextAuth.signOut(params);
}
