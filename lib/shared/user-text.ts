/**
 * What people type that Duet stores and shows to someone else. PostgreSQL refuses a NUL in
 * text (error 22021), and invisible or direction-changing characters let one person make
 * their words look like something else; both are refused at the schema, as VALIDATION.
 */

/** C0 and C1 control characters, DEL included; a chat message may still hold newlines and tabs. */
const CONTROL_IN_MESSAGE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
/** In a one-line name: every control character, and Unicode's line and paragraph separators. */
const CONTROL_IN_NAME = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
/** Bidirectional embeddings, overrides and isolates: they reorder the text around them. */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
/**
 * Characters that show nothing: whitespace, format characters (zero-width space and joiners,
 * direction marks and controls, soft hyphen, BOM), and the Hangul fillers.
 */
const INVISIBLE = /[\p{White_Space}\p{Cf}\u115F\u1160\u3164\uFFA0]/gu;

export function hasControlCharacterForMessage(text: string): boolean {
  return CONTROL_IN_MESSAGE.test(text);
}

export function hasControlCharacterForName(text: string): boolean {
  return CONTROL_IN_NAME.test(text);
}

export function hasBidiControl(text: string): boolean {
  return BIDI_CONTROL.test(text);
}

/** True when nothing would be seen: empty once whitespace and invisible characters are removed. */
export function isBlank(text: string): boolean {
  return text.replace(INVISIBLE, "") === "";
}
