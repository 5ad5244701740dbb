const REGISTRY_KEY = Symbol.for("duet.process-singletons");
type TGlobalWithSingletons = typeof globalThis & { [REGISTRY_KEY]?: Map<string, unknown> };

/**
 * One value per name for the whole process. It lives on globalThis, not in a module, because
 * the process loads Duet's modules more than once: Next bundles route handlers with their own
 * module instances while server.ts loads them through plain Node, and dev-mode hot reloads
 * re-evaluate them. A module-level cache would give each copy its own database client, Redis
 * connection or shutdown flag.
 */
export function processSingleton<T>(name: string, create: () => T): T {
  const store = globalThis as TGlobalWithSingletons;
  const registry = (store[REGISTRY_KEY] ??= new Map());
  if (!registry.has(name)) registry.set(name, create());
  return registry.get(name) as T;
}
