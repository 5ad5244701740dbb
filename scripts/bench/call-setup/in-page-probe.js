// Installed before a page's own scripts (bare page and Duet alike) by the call-setup bench.
// Plain JavaScript, loaded by path: page code compiled by tsx would call a `__name` helper
// the page does not have.
//
// window.__bench records, in epoch milliseconds:
//   connectedAt  the first RTCPeerConnection of the page reaching connectionState "connected"
//   frameAt      the remote <video> presenting its first frame (requestVideoFrameCallback)
// window.__benchReady() says whether the page can join now: "Join call" enabled and the
// camera preview showing; window.__benchJoin() clicks "Join call", returning when it did.
(() => {
  const now = () => performance.timeOrigin + performance.now();
  const bench = { connectedAt: null, frameAt: null };
  window.__bench = bench;

  const Native = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Native {
    constructor(configuration) {
      super(configuration);
      this.addEventListener("connectionstatechange", () => {
        if (this.connectionState === "connected" && bench.connectedAt === null) bench.connectedAt = now();
      });
    }
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
