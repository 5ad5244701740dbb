/** Prisma's P2002, recognised without importing one provider's generated client. */
export function isUniqueViolation(error: unknown): boolean {
  return prismaCode(error) === "P2002";
}

/** Prisma's P2003: a row the write points at (a room, a user) is gone. */
export function isForeignKeyViolation(error: unknown): boolean {
  return prismaCode(error) === "P2003";
}

function prismaCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { code?: unknown }).code : undefined;
}
