import { SOCKET_MAX_PAYLOAD_BYTES } from "./input-limits";

/** Around an event's JSON: packet type, the namespace (`/rooms/` + a 22-character id) and an ack id. Well under this. */
const FRAME_OVERHEAD_BYTES = 128;

/** The bytes one event takes in a Socket.IO frame (Duet's payloads are JSON, without binary attachments). */
export function eventFrameBytes(event: string, payload: unknown): number {
  return frameBytes(JSON.stringify([event, payload]));
}

function frameBytes(eventJson: string): number {
  return utf8Length(eventJson) + FRAME_OVERHEAD_BYTES;
}

/** UTF-8 length of well-formed text (JSON.stringify escapes lone surrogates), without encoding it. */
function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    // A surrogate pair is one character of 4 bytes: 2 for each of its units.
    else if (unit >= 0xd800 && unit <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/**
 * Whether the server will read this event. A larger frame makes the server close the
 * connection without an answer, so a client checks first and says what went wrong instead.
 */
export function fitsInOneFrame(event: string, payload: unknown): boolean {
  const json = JSON.stringify([event, payload]);
  // No UTF-16 unit takes more than 3 bytes: most events (every ICE candidate, every session
  // description) are answered without counting, on a call's critical path.
  return json.length * 3 + FRAME_OVERHEAD_BYTES <= SOCKET_MAX_PAYLOAD_BYTES || frameBytes(json) <= SOCKET_MAX_PAYLOAD_BYTES;
}

/** What a person reads when something they tried to send is over the frame limit. */
export function tooLargeToSend(what: string, event: string, payload: unknown): string {
  const kilobytes = (bytes: number) => `${Math.ceil(bytes / 1000)} kB`;
  return `${what} is too large to send (${kilobytes(eventFrameBytes(event, payload))}; Duet carries at most ${kilobytes(SOCKET_MAX_PAYLOAD_BYTES)} at once).`;
}
