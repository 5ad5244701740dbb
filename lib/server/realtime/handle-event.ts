import type * as z from "@/lib/shared/zod";
import { ackError, ackOk, toErrorBody, type TAckCallback } from "@/lib/shared/ack";
import { AppError, isAppError } from "@/lib/shared/errors";
import { parseInput } from "@/lib/shared/validation";
import { readEventArguments } from "./event-arguments";
import { trackInFlight } from "./in-flight";
import type { HandlerContext } from "./types";

export interface EventSpec<TSchema extends z.core.$ZodType> {
  event: string;
  schema: TSchema;
  /**
   * Counts the event against its rate limit. It runs before anything else, so a malformed
   * event costs the sender the same allowance as a valid one, and a flood of garbage is
   * refused (RATE_LIMITED) before any of it is parsed.
   */
  limit?: () => Promise<void>;
}

/**
 * Wraps an acknowledged event: count it, check its arguments, parse the payload, run, ack
 * `{ ok, data }` or `{ ok: false, error }`. Without an ack callback the refusal goes out as
 * `room:error` instead (and the event is not run: nobody could learn whether it worked).
 * A thrown error never escapes into Socket.IO (where it would be lost or crash the process).
 */
export function withAck<TSchema extends z.core.$ZodType, TData>(
  ctx: HandlerContext,
  { event, schema, limit }: EventSpec<TSchema>,
  run: (payload: z.output<TSchema>) => Promise<TData> | TData,
) {
  return async (...args: unknown[]) => {
    const { payload, ack, surplus } = readEventArguments(args);
    const reply = ack as TAckCallback<TData> | null;
    await trackInFlight(
      (async () => {
        try {
          await limit?.();
          if (!reply) throw new AppError("VALIDATION", `${event} needs an acknowledgement callback`);
          if (surplus > 0) throw tooManyArguments(event);
          reply(ackOk(await run(parseInput(schema, payload))));
        } catch (error) {
          logUnexpected(ctx, event, error);
          if (reply) reply(ackError(error));
          else reportRefusal(ctx, event, error);
        }
      })(),
    );
  };
}

/** Wraps a fire-and-forget event; a refusal (one per event) is reported to the sender as `room:error`. */
export function withoutAck<TSchema extends z.core.$ZodType>(
  ctx: HandlerContext,
  { event, schema, limit }: EventSpec<TSchema>,
  run: (payload: z.output<TSchema>) => Promise<void> | void,
) {
  return async (...args: unknown[]) => {
    const { payload, ack, surplus } = readEventArguments(args);
    try {
      await limit?.();
      // A callback here would never be called: the sender is waiting for an answer that cannot come.
      if (ack) throw new AppError("VALIDATION", `${event} takes no acknowledgement callback`);
      if (surplus > 0) throw tooManyArguments(event);
      await run(parseInput(schema, payload));
    } catch (error) {
      logUnexpected(ctx, event, error);
      reportRefusal(ctx, event, error);
    }
  };
}

function tooManyArguments(event: string): AppError {
  return new AppError("VALIDATION", `${event} takes one payload`);
}

function reportRefusal(ctx: HandlerContext, event: string, error: unknown): void {
  const { code, message, retryAfterMs } = toErrorBody(error);
  ctx.socket.emit("room:error", { code, message, event, ...(retryAfterMs !== undefined && { retryAfterMs }) });
}

function logUnexpected(ctx: HandlerContext, event: string, error: unknown): void {
  if (isAppError(error)) return;
  ctx.logger.error({ err: error, event, roomId: ctx.socket.data.roomId, userId: ctx.socket.data.user.id }, "realtime handler failed");
}
