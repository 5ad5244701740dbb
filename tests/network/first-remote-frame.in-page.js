// Evaluated in a page as text, by lab-probe.ts's firstRemoteFrameAt: page code compiled by tsx
// would call a `__name` helper the page does not have.
//
// Resolves with the epoch ms at which the page presents its first remote video frame from now
// on (requestVideoFrameCallback, as the call-setup bench times it), or null after `timeout` ms.
// eslint-disable-next-line @typescript-eslint/no-unused-expressions -- an expression read as text, never run as a file
(timeout) =>
  new Promise((resolve) => {
    const watched = new WeakSet();
    const state = { done: false };
    const observer = new MutationObserver(() => watch());
    const timer = setTimeout(() => finish(null), timeout);
    function finish(at) {
      if (state.done) return;
      state.done = true;
      observer.disconnect();
      clearTimeout(timer);
      resolve(at);
    }
    function watch() {
      for (const video of document.querySelectorAll('video[data-testid="remote-video"]')) {
        if (watched.has(video)) continue;
        watched.add(video);
        video.requestVideoFrameCallback(() => finish(Date.now()));
      }
    }
    observer.observe(document, { childList: true, subtree: true });
    watch();
  });
