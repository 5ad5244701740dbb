import { diagnoseCallFailure, type CallFailureFacts } from "@/lib/client/call/call-problem";
import type { TCandidateType } from "@/lib/client/call/peer-connection";

const STUN = { urls: ["stun:stun.example:3478"] };
const TURN = { urls: ["turn:turn.example:3478?transport=udp"], username: "1:u", credential: "c" };

function facts(change: Partial<CallFailureFacts> & { gathered?: TCandidateType[] }): CallFailureFacts {
  return {
    iceConfig: { iceServers: [STUN], ttlSeconds: 3600 },
    localCandidateTypes: new Set(change.gathered ?? ["host"]),
    iceErrors: [],
    everConnected: false,
    restartAttempts: 0,
    peerName: "Ben",
    ...change,
  };
}

describe("why a call can't connect", () => {
  it("says the relay refused Duet's credentials on a 401, naming the server", () => {
    const problem = diagnoseCallFailure(
      facts({
        iceConfig: { iceServers: [TURN], ttlSeconds: 60 },
        iceErrors: [{ url: TURN.urls[0]!, code: 401, message: "turn:turn.example:3478: 401 Unauthorized" }],
      }),
    );
    expect(problem.kind).toBe("turn-refused");
    expect(problem.message).toContain("refused Duet's credentials");
    expect(problem.message).toContain("401");
    expect(problem.message).toContain("TURN_SECRET");
  });

  it("says UDP is blocked and no relay is configured when STUN never answered", () => {
    const problem = diagnoseCallFailure(facts({ gathered: ["host"] }));
    expect(problem.kind).toBe("udp-blocked");
    expect(problem.message).toContain("UDP is blocked");
    expect(problem.message).toContain("set up TURN");
  });

  it("says the relay can't be reached when TURN is configured but allocated nothing", () => {
    const problem = diagnoseCallFailure(facts({ iceConfig: { iceServers: [STUN, TURN], ttlSeconds: 60 }, gathered: ["host"] }));
    expect(problem.kind).toBe("relay-unreachable");
  });

  it("says a lost call could not be restored, with how many tries", () => {
    const problem = diagnoseCallFailure(facts({ everConnected: true, restartAttempts: 4, gathered: ["host", "srflx"] }));
    expect(problem.kind).toBe("connection-lost");
    expect(problem.message).toContain("The connection to Ben was lost");
    expect(problem.message).toContain("4 attempts");
  });

  it("says calls only work on one network when no STUN or TURN is configured", () => {
    expect(diagnoseCallFailure(facts({ iceConfig: { iceServers: [], ttlSeconds: 60 } })).kind).toBe("no-ice-servers");
  });

  it("blames no one in particular when this side could reach the internet", () => {
    const problem = diagnoseCallFailure(facts({ gathered: ["host", "srflx"] }));
    expect(problem.kind).toBe("no-path");
    expect(problem.message).toContain("Ben");
  });
});
