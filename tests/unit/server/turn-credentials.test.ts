import { createIceConfig, createTurnCredential } from "@/lib/server/turn/create-ice-config";

// Computed independently:
//   printf %s "1700003600:user_abc" | openssl dgst -sha1 -hmac "s3cr3t-turn" -binary | base64
const OPENSSL_VECTOR = { secret: "s3cr3t-turn", username: "1700003600:user_abc", credential: "1HWe0yGK0sIdckO+dDvd8Kmm3hA=" };

describe("TURN REST credentials", () => {
  it("match the credential coturn's use-auth-secret computes", () => {
    expect(createTurnCredential(OPENSSL_VECTOR.secret, "user_abc", 1_700_003_600)).toEqual({
      username: OPENSSL_VECTOR.username,
      credential: OPENSSL_VECTOR.credential,
    });
  });

  it("expire ttlSeconds after they are issued", () => {
    const config = createIceConfig(
      { stunUrls: [], turnUrls: ["turn:turn.example:3478"], turnSecret: "s3cr3t-turn", ttlSeconds: 3600 },
      "user_abc",
      1_700_000_000_500,
    );
    expect(config).toEqual({
      ttlSeconds: 3600,
      iceServers: [{ urls: ["turn:turn.example:3478"], username: OPENSSL_VECTOR.username, credential: OPENSSL_VECTOR.credential }],
    });
  });

  it("offer STUN servers only when TURN is not configured", () => {
    const config = createIceConfig({ stunUrls: ["stun:stun.example:3478"], turnUrls: [], ttlSeconds: 3600 }, "user_abc");
    expect(config.iceServers).toEqual([{ urls: ["stun:stun.example:3478"] }]);
  });
});
