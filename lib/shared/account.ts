import * as z from "./zod";
import { ZNewPassword } from "./user";

const ZCurrentPassword = z
  .string({ error: "Enter your current password" })
  .check(z.minLength(1, "Enter your current password"), z.maxLength(256, "That is not your current password"));

export const ZChangePasswordInput = z.strictObject({ currentPassword: ZCurrentPassword, newPassword: ZNewPassword }).check(
  z.refine(({ currentPassword, newPassword }) => currentPassword !== newPassword, {
    path: ["newPassword"],
    message: "Choose a password different from your current one",
  }),
);
export type TChangePasswordInput = z.input<typeof ZChangePasswordInput>;

/**
 * Deleting an account is confirmed with the password, or, for an account that signs in only
 * through GitHub or Google, by typing its email address.
 */
export const ZDeleteAccountInput = z.strictObject({
  password: z.optional(z.string().check(z.maxLength(256))),
  email: z.optional(z.string().check(z.maxLength(254))),
});
export type TDeleteAccountInput = z.input<typeof ZDeleteAccountInput>;

/** How many sessions (browsers) an account action signed out. */
export interface TSessionsEnded {
  endedSessions: number;
}

/** The name a deleted account goes by in the other member's record of a conversation. */
export const DELETED_ACCOUNT_NAME = "Deleted account";
