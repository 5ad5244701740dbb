/**
 * The forms' input schemas, the server's own, in a chunk of their own: loaded through
 * load-input-schemas.ts, never imported statically by a page.
 */
export { ZChangePasswordInput } from "@/lib/shared/account";
export { ZCreateRoomInput, ZRenameRoomInput } from "@/lib/shared/room";
export { ZSignUpInput } from "@/lib/shared/user";
export { parseInput } from "@/lib/shared/validation";
