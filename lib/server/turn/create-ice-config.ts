import { createHmac } from "node:crypto";
import type { RTCIceServerInit, TIceConfig } from "@/lib/shared/turn";

export interface IceSettings {
  stunUrls: string[];
  turnUrls: string[];
  turnSecret?: string;
  ttlSeconds: number;
}

/**
 * TURN REST credentials as coturn's `use-auth-secret` checks them: the username carries
 * its own expiry, the credential is base64(HMAC-SHA1(secret, username)).
 */
export function createTurnCredential(secret: string, userId: string, expiresAtUnixSeconds: number) {
  const username = `${expiresAtUnixSeconds}:${userId}`;
  const credential = createHmac("sha1", secret).update(username).digest("base64");
  return { username, credential };
}

export function createIceConfig(settings: IceSettings, userId: string, nowMs = Date.now()): TIceConfig {
  const iceServers: RTCIceServerInit[] = [];
  if (settings.stunUrls.length > 0) iceServers.push({ urls: settings.stunUrls });
  if (settings.turnUrls.length > 0 && settings.turnSecret) {
    const expiresAt = Math.floor(nowMs / 1000) + settings.ttlSeconds;
    iceServers.push({ urls: settings.turnUrls, ...createTurnCredential(settings.turnSecret, userId, expiresAt) });
  }
  return { iceServers, ttlSeconds: settings.ttlSeconds };
}
