// Evaluated in a page as text, by lab-probe.ts's watchDecodedFrames: page code compiled by tsx
// would call a `__name` helper the page does not have.
//
// Watches the newest RTCPeerConnection's decoder from now on (framesDecoded of its inbound
// video, read every 100 ms inside the page; a frame presented on screen would be the finer
// signal, but a headless page's compositor may skip presenting frames the decoder did decode).
// Resolves once `frames` new frames were decoded, the clock has passed `until` (epoch ms) and,
// with `whileConnected`, that connection is connected; or after `timeoutMs` with `metAt` null.
// With it: how many frames were decoded, and the longest the decoder stood still, the stretch
// before the first new frame and after the last included. A new connection counts from zero.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- an expression read as text, never run as a file
({ frames, until, whileConnected, timeoutMs }) =>
  new Promise((resolve) => {
    const startedAt = Date.now();
    const seen = { frames: 0, lastAt: startedAt, maxGapMs: 0, connection: null, decoded: 0, done: false, reading: false };
    const sampler = setInterval(() => void sample(), 100);
    const timeout = setTimeout(() => finish(null), timeoutMs);
    function finish(metAt) {
      if (seen.done) return;
      seen.done = true;
      clearInterval(sampler);
      clearTimeout(timeout);
      resolve({ frames: seen.frames, maxGapMs: Math.max(seen.maxGapMs, Date.now() - seen.lastAt), metAt });
    }
    async function sample() {
      const connections = window.__duetPeerConnections ?? [];
      const connection = connections[connections.length - 1];
      if (!connection || seen.reading || seen.done) return;
      seen.reading = true;
      let decoded = 0;
      (await connection.getStats()).forEach((report) => {
        if (report.type === "inbound-rtp" && report.kind === "video") decoded = report.framesDecoded ?? 0;
      });
      seen.reading = false;
      const now = Date.now();
      if (connection !== seen.connection) {
        // The first reading of a connection is where it stands, not frames decoded since.
        seen.connection = connection;
        seen.decoded = decoded;
      } else if (decoded > seen.decoded) {
        seen.frames += decoded - seen.decoded;
        seen.decoded = decoded;
        seen.maxGapMs = Math.max(seen.maxGapMs, now - seen.lastAt);
        seen.lastAt = now;
      }
      const connected = connection.connectionState === "connected";
      if (seen.frames >= frames && now >= until && (connected || !whileConnected)) finish(now);
    }
  });
