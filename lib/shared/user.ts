import { z } from "./zod";
import { hasBidiControl, hasControlCharacterForName, isBlank } from "./user-text";

export const ZEmail = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }));

export const PASSWORD_MIN_LENGTH = 8;

export const ZNewPassword = z
  .string({ error: "Enter a password" })
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  // argon2 accepts long inputs, but an unbounded one is a cheap denial of service.
  .max(256, "Use at most 256 characters");

export const ZDisplayName = z
  .string({ error: "Enter your name" })
  .trim()
  .min(1, "Enter your name")
  .max(80, "Use at most 80 characters")
  .refine((name) => !hasControlCharacterForName(name), "Names cannot contain control characters or line breaks")
  .refine((name) => !hasBidiControl(name), "Names cannot contain text-direction control characters")
  .refine((name) => !isBlank(name), "Enter your name");

// Strict, like every body a client sends: an unknown field is refused, not dropped.
export const ZSignUpInput = z.strictObject({
  name: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().min(1).max(256),
});

/** What one member of a room may know about another. */
export interface TPublicUser {
  id: string;
  name: string;
}
