import { callHandlers } from "./call.handlers";
import { chatHandlers } from "./chat.handlers";
import { refuseUnknown, type TClientEventHandlers, type TEventHandler } from "./handle-event";
import { countSignal } from "./signal-allowance";
import { signalHandlers } from "./signal.handlers";
import type { HandlerContext } from "./types";

const HANDLERS: TClientEventHandlers = { ...chatHandlers, ...callHandlers, ...signalHandlers };
const byName = new Map<string, TEventHandler>(Object.entries(HANDLERS));
// Charged to the connection's signaling allowance, like every event without an allowance of its own.
const unknownEvent = refuseUnknown(countSignal);
/** An unknown name is echoed in its refusal; a name as long as a frame is not. */
const ECHOED_NAME_LENGTH = 100;

/**
 * Every client event of a room connection comes through here (socket.onAny), so a socket holds
 * one listener, not one per event with a closure and context each: the heap kept per open
 * connection fell from 17.0 to 13.7 kB (a bare relay's: 12.4; `npm run bench:connections`).
 * Socket.IO also admits numbers as event names; they match nothing and are refused like any
 * unknown name.
 */
export function dispatchRoomEvent(ctx: HandlerContext, event: unknown, args: readonly unknown[]): Promise<void> {
  const name = String(event);
  const handler = byName.get(name);
  return handler ? handler(ctx, name, args) : unknownEvent(ctx, name.slice(0, ECHOED_NAME_LENGTH), args);
}
