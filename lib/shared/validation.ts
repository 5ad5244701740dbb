import * as z from "./zod";
import { AppError } from "./errors";

/** Parses untrusted input; a failure becomes a VALIDATION AppError naming each bad field. */
export function parseInput<TSchema extends z.core.$ZodType>(schema: TSchema, input: unknown): z.output<TSchema> {
  const result = z.safeParse(schema, input);
  if (result.success) return result.data;
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = issue.path.map(String).join(".") || "input";
    fields[key] ??= issue.message;
  }
  const first = Object.entries(fields)[0];
  const message = first && first[0] !== "input" ? `${first[0]}: ${first[1]}` : (first?.[1] ?? "Invalid input");
  throw new AppError("VALIDATION", message, fields);
}
