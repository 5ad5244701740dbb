import type * as z from "@/lib/shared/zod";
import type { ClientToServerEvents } from "@/lib/shared/realtime-events";
import { ackError, ackOk, toErrorBody, type TAckCallback } from "@/lib/shared/ack";
import { AppError, isAppError } from "@/lib/shared/errors";
import { parseInput } from "@/lib/shared/validation";
import { readEventArguments } from "./event-arguments";
import { trackInFlight } from "./in-flight";
import type { HandlerContext } from "./types";

/**
 * Runs one client event for one connection. Built once per event name and shared by every
 * connection (client-event-dispatch.ts dispatches to it), so an open socket holds no handler
 * of its own.
 */
export type TEventHandler = (ctx: HandlerContext, event: string, args: readonly unknown[]) => Promise<void>;

/** One handler per client event of the contract: a missing or misspelled one does not compile. */
export type TClientEventHandlers = { readonly [E in keyof ClientToServerEvents]: TEventHandler };

export interface EventSpec<TSchema extends z.core.$ZodType> {
  schema: TSchema;
  /**
   * Counts the event against its rate limit. It runs before anything else, so a malformed
   * event costs the sender the same allowance as a valid one, and a flood of garbage is
   * refused (RATE_LIMITED) before any of it is parsed.
   */
  limit?: (ctx: HandlerContext) => Promise<void>;
}

/**
 * An acknowledged event: count it, check its arguments, parse the payload, run, ack
 * `{ ok, data }` or `{ ok: false, error }`. Without an ack callback the refusal goes out as
 * `room:error` instead (and the event is not run: nobody could learn whether it worked).
 * A thrown error never escapes into Socket.IO (where it would be lost or crash the process).
 */
export function withAck<TSchema extends z.core.$ZodType, TData>(
  { schema, limit }: EventSpec<TSchema>,
  run: (ctx: HandlerContext, payload: z.output<TSchema>) => Promise<TData> | TData,
): TEventHandler {
  return (ctx, event, args) => {
    const { payload, ack, surplus } = readEventArguments(args);
    const reply = ack as TAckCallback<TData> | null;
    return trackInFlight(
      (async () => {
        try {
          await limit?.(ctx);
          if (!reply) throw new AppError("VALIDATION", `${event} needs an acknowledgement callback`);
          if (surplus > 0) throw tooManyArguments(event);
          reply(ackOk(await run(ctx, parseInput(schema, payload))));
        } catch (error) {
          logUnexpected(ctx, event, error);
          if (reply) reply(ackError(error));
          else reportRefusal(ctx, event, error);
        }
      })(),
    );
  };
}

/** A fire-and-forget event; a refusal (one per event) is reported to the sender as `room:error`. */
export function withoutAck<TSchema extends z.core.$ZodType>(
  { schema, limit }: EventSpec<TSchema>,
  run: (ctx: HandlerContext, payload: z.output<TSchema>) => Promise<void> | void,
): TEventHandler {
  return async (ctx, event, args) => {
    const { payload, ack, surplus } = readEventArguments(args);
    try {
      await limit?.(ctx);
      // A callback here would never be called: the sender is waiting for an answer that cannot come.
      if (ack) throw new AppError("VALIDATION", `${event} takes no acknowledgement callback`);
      if (surplus > 0) throw tooManyArguments(event);
      await run(ctx, parseInput(schema, payload));
    } catch (error) {
      logUnexpected(ctx, event, error);
      reportRefusal(ctx, event, error);
    }
  };
}

/**
 * An event no handler knows (a client of another version, a typo, a probe): refused by name,
 * through its ack when it has one, else by `room:error`, after counting it like `limit` says.
 */
export function refuseUnknown(limit: (ctx: HandlerContext) => Promise<void>): TEventHandler {
  return async (ctx, event, args) => {
    const { ack } = readEventArguments(args);
    try {
      await limit(ctx);
      throw new AppError("VALIDATION", `Unknown event: ${event}`);
    } catch (error) {
      if (ack) ack(ackError(error));
      else reportRefusal(ctx, event, error);
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
