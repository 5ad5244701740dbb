import { splitIceServers } from "@/lib/client/connectivity/ice-servers";

describe("splitIceServers", () => {
  it("groups TURN URLs by the transport the browser would use, each with the credentials", () => {
    const split = splitIceServers([
      { urls: ["stun:stun.example:3478"] },
      {
        urls: ["turn:turn.example:3478?transport=udp", "turn:turn.example:3478?transport=tcp", "turns:turn.example:5349", "turn:turn2.example"],
        username: "123:u",
        credential: "c",
      },
    ]);
    expect(split.stun).toEqual({ urls: ["stun:stun.example:3478"] });
    expect(split.turn).toEqual([
      { transport: "udp", server: { urls: ["turn:turn.example:3478?transport=udp", "turn:turn2.example"], username: "123:u", credential: "c" } },
      { transport: "tcp", server: { urls: ["turn:turn.example:3478?transport=tcp"], username: "123:u", credential: "c" } },
      { transport: "tls", server: { urls: ["turns:turn.example:5349"], username: "123:u", credential: "c" } },
    ]);
  });

  it("reports nothing configured for an empty list", () => {
    expect(splitIceServers([])).toEqual({ stun: null, turn: [] });
  });
});
