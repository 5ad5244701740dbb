import * as z from "./zod";
import { PASSWORD_MIN_LENGTH } from "./input-limits";
import { hasBidiControl, hasControlCharacterForName, isBlank } from "./user-text";

export const ZEmail = z.pipe(
  z.string({ error: "Enter your email address" }).check(z.trim(), z.toLowerCase(), z.maxLength(254, "That email address is too long")),
  z.email({ error: "Enter a valid email address" }),
);

export const ZNewPassword = z.string({ error: "Enter a password" }).check(
  z.minLength(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`),
  // argon2 accepts long inputs, but an unbounded one is a cheap denial of service.
  z.maxLength(256, "Use at most 256 characters"),
);

export const ZDisplayName = z.string({ error: "Enter your name" }).check(
  z.trim(),
  z.minLength(1, "Enter your name"),
  z.maxLength(80, "Use at most 80 characters"),
  z.refine((name) => !hasControlCharacterForName(name), "Names cannot contain control characters or line breaks"),
  z.refine((name) => !hasBidiControl(name), "Names cannot contain text-direction control characters"),
  z.refine((name) => !isBlank(name), "Enter your name"),
);

// Strict, like every body a client sends: an unknown field is refused, not dropped.
export const ZSignUpInput = z.strictObject({
  name: ZDisplayName,
  email: ZEmail,
  password: ZNewPassword,
});
export type TSignUpInput = z.input<typeof ZSignUpInput>;

export const ZSignInInput = z.object({
  email: ZEmail,
  password: z.string().check(z.minLength(1), z.maxLength(256)),
});

/** What one member of a room may know about another. */
export interface TPublicUser {
  id: string;
  name: string;
}
