import pino from "pino";

export type TLogger = pino.Logger;

/** Structured JSON logs on stdout; one logger per process, children per request or socket. */
export function createLogger(level: pino.LevelWithSilent = "info"): TLogger {
  return pino({ level, base: { service: "duet" } });
}
