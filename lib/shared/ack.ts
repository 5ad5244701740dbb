import { AppError, isAppError, type TAppErrorBody } from "./errors";

/** The one reply shape of every Socket.IO acknowledgement. */
export type TAck<TData> = { ok: true; data: TData } | { ok: false; error: TAppErrorBody };

export type TAckCallback<TData> = (ack: TAck<TData>) => void;

export function ackOk<TData>(data: TData): TAck<TData> {
  return { ok: true, data };
}

/** An AppError as it is; anything else as a generic INTERNAL error that leaks no details. */
export function toErrorBody(error: unknown): TAppErrorBody {
  if (isAppError(error)) return error.toBody();
  return new AppError("INTERNAL", "Something went wrong on the server").toBody();
}

export function ackError(error: unknown): TAck<never> {
  return { ok: false, error: toErrorBody(error) };
}
