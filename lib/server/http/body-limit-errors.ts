import { AppError } from "@/lib/shared/errors";

/** "64 KiB" for whole KiB, else the bytes. */
function describeBytes(bytes: number): string {
  return bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

/** A body over HTTP_BODY_LIMIT_BYTES: the same words whether server.ts or a route handler noticed. */
export function bodyTooLarge(limitBytes: number): AppError {
  return new AppError("PAYLOAD_TOO_LARGE", `This request is too large: Duet accepts at most ${describeBytes(limitBytes)}.`);
}

/** A body of unknown length (chunked), which Duet does not read: see body-limit.ts. */
export function bodyLengthRequired(): AppError {
  return new AppError("LENGTH_REQUIRED", "Send this request with a Content-Length header: Duet does not read bodies of unknown length.");
}
