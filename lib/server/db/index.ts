import { env } from "../env";
import { getDbClient } from "./db-singleton";

/** The process's database client, for the configured DATABASE_URL. */
export const db = getDbClient(env.DATABASE_URL);
