import type { z } from "zod";
import { ackError, ackOk, toErrorBody, type TAckCallback } from "@/lib/shared/ack";
import { isAppError } from "@/lib/shared/errors";
import { parseInput } from "@/lib/shared/validation";
import { trackInFlight } from "./in-flight";
import type { HandlerContext } from "./types";

/**
 * Wraps an acknowledged event: parse the payload, run, ack `{ ok, data }` or `{ ok: false, error }`.
 * A thrown error never escapes into Socket.IO (where it would be lost or crash the process).
 */
export function withAck<TSchema extends z.ZodType, TData>(
  ctx: HandlerContext,
  event: string,
  schema: TSchema,
  run: (payload: z.output<TSchema>) => Promise<TData> | TData,
) {
  return async (payload: unknown, ack?: unknown) => {
    // An event without a payload receives its ack as the first argument.
    if (typeof payload === "function" && ack === undefined) [payload, ack] = [undefined, payload];
    const reply: TAckCallback<TData> = typeof ack === "function" ? (ack as TAckCallback<TData>) : () => {};
    await trackInFlight(
      (async () => {
        try {
          reply(ackOk(await run(parseInput(schema, payload))));
        } catch (error) {
          logUnexpected(ctx, event, error);
          reply(ackError(error));
        }
      })(),
    );
  };
}

/** Wraps a fire-and-forget event; a refusal is reported to the sender as `room:error`. */
export function withoutAck<TSchema extends z.ZodType>(
  ctx: HandlerContext,
  event: string,
  schema: TSchema,
  run: (payload: z.output<TSchema>) => Promise<void> | void,
) {
  return async (payload: unknown) => {
    try {
      await run(parseInput(schema, payload));
    } catch (error) {
      logUnexpected(ctx, event, error);
      const { code, message, retryAfterMs } = toErrorBody(error);
      ctx.socket.emit("room:error", { code, message, event, ...(retryAfterMs !== undefined && { retryAfterMs }) });
    }
  };
}

function logUnexpected(ctx: HandlerContext, event: string, error: unknown): void {
  if (isAppError(error)) return;
  ctx.logger.error({ err: error, event, roomId: ctx.socket.data.roomId, userId: ctx.socket.data.user.id }, "realtime handler failed");
}
