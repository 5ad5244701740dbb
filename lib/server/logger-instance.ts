import { env } from "./env";
import { createLogger } from "./logger";

/** The process's logger, configured from the environment. */
export const logger = createLogger(env.LOG_LEVEL);
