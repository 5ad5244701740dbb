/** A client event's arguments as Socket.IO hands them to a listener. */
export interface TEventArguments {
  /** The first argument that is not the ack: undefined for an event sent without a payload. */
  payload: unknown;
  /** The client's acknowledgement callback: Socket.IO always passes it last, and only as a function. */
  ack: ((...reply: unknown[]) => void) | null;
  /** Arguments beyond the one payload every event of Duet's contract takes. */
  surplus: number;
}

/**
 * Splits what a client sent. Any client can send any number of arguments of any type, a
 * non-function where the ack belongs included (it then arrives as one more argument).
 */
export function readEventArguments(args: readonly unknown[]): TEventArguments {
  const last = args.at(-1);
  const ack = typeof last === "function" ? (last as TEventArguments["ack"]) : null;
  const values = ack ? args.slice(0, -1) : args;
  return { payload: values[0], ack, surplus: Math.max(0, values.length - 1) };
}
