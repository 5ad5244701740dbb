import type { TParsedEnv } from "../env/env-schema";
import type { TLimitSpec } from "./limit-spec";

/**
 * Every limit Duet enforces: the env variable that sets it and the first half of the sentence a
 * refused person reads ("… Try again in 3 minutes."). `burstEnv`: extra allowance spent only once
 * the steady rate is used up, so a pasted paragraph or an ICE gathering goes through unnoticed.
 */
export const LIMITS = {
  signInAccountIp: { env: "RATE_LIMIT_SIGN_IN_ACCOUNT_IP", refusal: "Too many sign-in attempts." },
  signInAccount: { env: "RATE_LIMIT_SIGN_IN_ACCOUNT", refusal: "Too many sign-in attempts." },
  signInIp: { env: "RATE_LIMIT_SIGN_IN_IP", refusal: "Too many sign-in attempts." },
  signUp: { env: "RATE_LIMIT_SIGN_UP_IP", refusal: "Too many new accounts from your network." },
  roomCreate: { env: "RATE_LIMIT_ROOM_CREATE", refusal: "You have created many rooms in a short time." },
  roomJoin: { env: "RATE_LIMIT_ROOM_JOIN", refusal: "You have asked to join many rooms in a short time." },
  roomChange: { env: "RATE_LIMIT_ROOM_CHANGE", refusal: "You have changed your rooms many times in a short time." },
  roomRead: { env: "RATE_LIMIT_ROOM_READ", refusal: "Too many read updates." },
  account: { env: "RATE_LIMIT_ACCOUNT", refusal: "Too many changes to your account." },
  turn: { env: "RATE_LIMIT_TURN", refusal: "Too many requests for connection details." },
  handshake: { env: "RATE_LIMIT_HANDSHAKE_IP", refusal: "Too many connections from your network." },
  chat: { env: "RATE_LIMIT_CHAT", burstEnv: "RATE_LIMIT_CHAT_BURST", refusal: "You are sending messages too fast." },
  signaling: { env: "RATE_LIMIT_SIGNALING", burstEnv: "RATE_LIMIT_SIGNALING_BURST", refusal: "Too many call signals." },
  history: { env: "RATE_LIMIT_HISTORY", refusal: "You are paging through history very fast." },
  search: { env: "RATE_LIMIT_SEARCH", refusal: "Too many searches." },
  export: { env: "RATE_LIMIT_EXPORT", refusal: "Too many exports." },
} as const satisfies Record<string, { env: keyof TParsedEnv; burstEnv?: keyof TParsedEnv; refusal: string }>;

export type TLimitName = keyof typeof LIMITS;

export interface TLimitConfig {
  steady: TLimitSpec;
  burst: TLimitSpec;
}

export type TLimitConfigs = Record<TLimitName, TLimitConfig>;

/** The limits as the environment sets them. */
export function limitConfigsFromEnv(env: TParsedEnv): TLimitConfigs {
  const entries = Object.entries(LIMITS).map(([name, limit]) => [
    name,
    { steady: env[limit.env], burst: "burstEnv" in limit ? env[limit.burstEnv] : null },
  ]);
  return Object.fromEntries(entries) as TLimitConfigs;
}
