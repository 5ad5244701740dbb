// Installed before a page's own scripts (bare page and Duet alike) by the call-setup bench.
// Plain JavaScript, loaded by path: page code compiled by tsx would call a `__name` helper
// the page does not have.
//
// window.__bench records, in epoch milliseconds:
//   connectedAt  the first RTCPeerConnection of the page reaching connectionState "connected"
//   frameAt      the remote <video> presenting its first frame (requestVideoFrameCallback)
//   steps        when each step of the setup first happened on this page (call-steps.ts names
//                them): the join, offer and answer as Socket.IO frames sent and received, the
//                offer and answer made (setLocalDescription resolved) and applied
//                (setRemoteDescription resolved). Read from frames and the RTCPeerConnection,
//                so the bare page and Duet are timed by the same code.
// window.__benchReady() says whether the page can join now: "Join call" enabled and the
// camera preview showing; window.__benchJoin() clicks "Join call", returning when it did.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { connectedAt: null, frameAt: null, steps: {} };
  window.__bench = bench;
  const step = (name) => {
    if (!(name in bench.steps)) bench.steps[name] = now();
  };

  // A Socket.IO event frame ("42" + namespace + JSON array) of the call's setup, or null.
  const setupFrame = (data) => {
    if (typeof data !== "string" || !data.startsWith("42")) return null;
    const event = /\["([^"]+)"/.exec(data)?.[1] ?? "";
    if (/(^|:)join$/.test(event)) return "join";
    if (/(^|:)peer-joined$/.test(event)) return "peer joined";
    if (data.includes('"type":"offer"')) return "offer";
    if (data.includes('"type":"answer"')) return "answer";
    return null;
  };
  const NativeWebSocket = window.WebSocket;
  window.WebSocket = class extends NativeWebSocket {
    constructor(...args) {
      super(...args);
      this.addEventListener("message", ({ data }) => {
        const frame = setupFrame(data);
        if (frame) step(`${frame} received`);
      });
    }
    send(data) {
      const frame = setupFrame(data);
      if (frame) step(`${frame} sent`);
      return super.send(data);
    }
  };

  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration) {
      super(configuration);
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected" && bench.connectedAt === null) bench.connectedAt = now();
      });
    }
  };

  const { setLocalDescription, setRemoteDescription } = Native.prototype;
  Native.prototype.setLocalDescription = async function (...args) {
    const result = await setLocalDescription.apply(this, args);
    if (this.localDescription) step(`${this.localDescription.type} made`);
    return result;
  };
  Native.prototype.setRemoteDescription = async function (description, ...rest) {
    const result = await setRemoteDescription.call(this, description, ...rest);
    if (description?.type) step(`${description.type} applied`);
    return result;
  };

  const watched = new WeakSet();
  const watchRemoteVideos = () => {
    for (const video of document.querySelectorAll('video[data-testid="remote-video"]')) {
      if (watched.has(video)) continue;
      watched.add(video);
      video.requestVideoFrameCallback(() => {
        if (bench.frameAt === null) bench.frameAt = now();
      });
    }
  };
  new MutationObserver(watchRemoteVideos).observe(document, { childList: true, subtree: true });

  const joinButton = () => [...document.querySelectorAll("button")].find((candidate) => candidate.textContent.trim() === "Join call");

  window.__benchReady = () => {
    const button = joinButton();
    const preview = document.querySelector('video[data-testid="local-video"]');
    return Boolean(button && !button.disabled && preview && preview.videoWidth > 0);
  };

  window.__benchJoin = () => {
    const button = joinButton();
    if (!button || button.disabled) throw new Error("no enabled Join call button");
    const at = now();
    button.click();
    return at;
  };
})();
