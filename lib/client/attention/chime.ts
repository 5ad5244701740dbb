/**
 * Short tones for the other person arriving (rising) and leaving (falling), made with WebAudio
 * so no sound file is fetched. One AudioContext for the page, created on first use.
 */
let context: AudioContext | null = null;

const TONES = { join: [523.25, 783.99], leave: [783.99, 523.25] } as const;

/**
 * Makes the page's AudioContext ahead of the first tone. Making one takes the main thread
 * 6-8 ms, and the first tone of a call (the other person joining) comes while that thread is
 * setting the call up; a Join click, which lets the context run, comes before.
 */
export function prepareChime(): void {
  try {
    context ??= new AudioContext();
  } catch {
    // No WebAudio (or it refused): no tone, and the visible notice still tells them.
  }
}

export function playChime(kind: keyof typeof TONES): void {
  prepareChime();
  const audio = context;
  if (!audio) return;
  try {
    // Browsers start a context suspended until the page has had a click or key press.
    void audio.resume().catch(() => {});
    const start = audio.currentTime;
    TONES[kind].forEach((frequency, index) => {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      const at = start + index * 0.14;
      oscillator.type = "sine";
      oscillator.frequency.value = frequency;
      // A soft attack and release: a click-free 120 ms tone at a fifth of full volume.
      gain.gain.setValueAtTime(0, at);
      gain.gain.linearRampToValueAtTime(0.2, at + 0.02);
      gain.gain.linearRampToValueAtTime(0, at + 0.12);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at);
      oscillator.stop(at + 0.13);
    });
  } catch {
    // The context refused a tone: the visible notice still tells them.
  }
}
