/** A round call control; `alarm` paints it red, as a microphone or camera that is off. */
export const controlButtonClass = (alarm: boolean) =>
  `rounded-full px-4 py-2 text-sm font-medium ${alarm ? "bg-red-600 text-white hover:bg-red-700" : "bg-slate-200 text-slate-900 hover:bg-slate-300 dark:bg-slate-700 dark:text-white dark:hover:bg-slate-600"}`;

interface ToggleButtonProps {
  /** The visible text and so the accessible name: what pressing it does now ("Mute", "Unmute"). */
  label: string;
  /** aria-pressed: whether the thing it toggles is in its pressed state (muted, camera off, sharing). */
  pressed: boolean;
  /** How pressed looks: red for media that is off, a ring for something being shared. */
  pressedLook: "alarm" | "ring";
  onToggle(): void;
  disabled?: boolean;
  /** aria-keyshortcuts, e.g. "Control+D". */
  keyShortcuts?: string;
  title?: string;
}

/** A call control that is either pressed or not, and says which to assistive tech. */
export function ToggleButton({ label, pressed, pressedLook, onToggle, disabled, keyShortcuts, title }: ToggleButtonProps) {
  const className =
    pressedLook === "alarm" ? controlButtonClass(pressed) : `${controlButtonClass(false)} ${pressed ? "ring-2 ring-emerald-500" : ""}`;
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onToggle}
      disabled={disabled}
      className={className}
      aria-keyshortcuts={keyShortcuts}
      title={title}
    >
      {label}
    </button>
  );
}
