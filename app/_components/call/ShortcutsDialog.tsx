"use client";
import { memo, useEffect, useRef, useSyncExternalStore } from "react";
import { CALL_SHORTCUTS } from "./use-call-shortcuts";

const neverChanges = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform);

/**
 * The keyboard shortcuts, in a modal <dialog>: the browser traps focus in it, Escape closes
 * it, and on closing focus goes back to where it was.
 */
export const ShortcutsDialog = memo(function ShortcutsDialog({ open, onClose }: { open: boolean; onClose(): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const mac = useSyncExternalStore(neverChanges, isApple, () => false);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      element.showModal();
    } else if (!open && element.open) {
      element.close();
    }
  }, [open]);

  const onDialogClose = () => {
    onClose();
    returnFocus.current?.focus();
    returnFocus.current = null;
  };

  return (
    <dialog
      ref={dialog}
      aria-labelledby="shortcuts-title"
      onClose={onDialogClose}
      className="w-[min(28rem,calc(100vw-2rem))] rounded-xl bg-white p-5 text-slate-900 shadow-xl backdrop:bg-black/50 dark:bg-slate-900 dark:text-slate-100"
    >
      <h2 id="shortcuts-title" className="mb-3 text-lg font-semibold">
        Keyboard shortcuts
      </h2>
      <table className="w-full text-sm">
        <thead className="sr-only">
          <tr>
            <th scope="col">Keys</th>
            <th scope="col">What they do</th>
          </tr>
        </thead>
        <tbody>
          {CALL_SHORTCUTS.map((shortcut) => (
            <tr key={shortcut.does} className="border-t border-slate-200 dark:border-slate-700">
              <td className="py-1.5 pr-4 whitespace-nowrap">
                {(mac ? shortcut.mac : shortcut.keys).map((key, index) => (
                  <span key={key}>
                    {index > 0 && " + "}
                    <kbd className="rounded border border-slate-300 px-1.5 py-0.5 font-mono text-xs dark:border-slate-600">{key}</kbd>
                  </span>
                ))}
              </td>
              <td className="py-1.5">{shortcut.does}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="mt-4 text-right">
        <button
          type="button"
          onClick={() => dialog.current?.close()}
          className="rounded-lg bg-slate-200 px-3 py-1.5 text-sm font-medium hover:bg-slate-300 dark:bg-slate-700 dark:hover:bg-slate-600"
        >
          Close
        </button>
      </div>
    </dialog>
  );
});
