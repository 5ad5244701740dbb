/**
 * Lengths the schemas enforce that forms also show (a hint, a counter, `maxLength`), in a
 * module without the schemas, so a form's page does not load zod to render them.
 */
export const MESSAGE_MAX_LENGTH = 4000;
export const PASSWORD_MIN_LENGTH = 8;

/**
 * Largest SDP a peer may relay. Chromium 156's audio + video offer measured 5.4 KB, 7.1 KB once
 * it held all 16 candidates gathered on a test machine: this leaves room for more interfaces,
 * simulcast and renegotiation, not for a payload that is not an SDP.
 */
export const SDP_MAX_LENGTH = 32_000;
/**
 * Socket.IO's frame limit (`maxHttpBufferSize`; on long-polling, the body of one POST), in bytes.
 * The largest valid payloads: an SDP at SDP_MAX_LENGTH is ~34 KB as JSON (its line breaks are
 * escaped); a chat message at MESSAGE_MAX_LENGTH at most 24 KB (4,000 UTF-16 units that JSON
 * escapes to 6 bytes each). A frame above it closes the sender's connection (the server cannot
 * answer a frame it did not read), so clients check their payloads against it before sending
 * (`fitsInOneFrame`). Far below Socket.IO's 1 MB default: a connection can make the server hold
 * at most this much of one unparsed message.
 */
export const SOCKET_MAX_PAYLOAD_BYTES = 64_000;
