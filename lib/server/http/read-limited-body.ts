import { bodyTooLarge } from "./body-limit-errors";

/**
 * A Fetch request's body as text, read no further than `limitBytes`: past that the stream is
 * cancelled and PAYLOAD_TOO_LARGE thrown, so a route never holds more than the limit of one body.
 * server.ts refuses such bodies first; this holds where that check is missing (another server,
 * a test calling the route directly).
 */
export async function readLimitedText(request: Request, limitBytes: number): Promise<string> {
  if (Number(request.headers.get("content-length") ?? 0) > limitBytes) throw bodyTooLarge(limitBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  // As request.text() does: UTF-8, a byte order mark dropped, malformed bytes replaced.
  const decoder = new TextDecoder();
  let received = 0;
  let text = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    received += value.byteLength;
    if (received > limitBytes) {
      await reader.cancel();
      throw bodyTooLarge(limitBytes);
    }
    text += decoder.decode(value, { stream: true });
  }
}
