"use client";
import { useId, useState, type FormEvent, type KeyboardEvent } from "react";
import { isAppError } from "@/lib/shared/errors";
import { loadInputSchemas, preloadInputSchemas } from "@/lib/client/load-input-schemas";
import { buttonClass, inputClass, secondaryButtonClass } from "../ui";
import { Spinner } from "../Spinner";

interface RenameRoomFormProps {
  currentName: string;
  /** Resolves once Duet stored the name; throws its AppError otherwise. */
  onRename(name: string): Promise<void>;
  onCancel(): void;
}

/** Renames a room in place: Enter saves, Escape backs out, and a refusal says why next to the field. */
export function RenameRoomForm({ currentName, onRename, onCancel }: RenameRoomFormProps) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Read before anything is awaited: React clears currentTarget once the handler yields.
    const entered = new FormData(event.currentTarget).get("name");
    setError(null);
    setSaving(true);
    try {
      const { parseInput, ZRenameRoomInput } = await loadInputSchemas();
      const { name } = parseInput(ZRenameRoomInput, { name: entered });
      await onRename(name);
    } catch (reason) {
      setSaving(false);
      setError(isAppError(reason) ? (reason.fields?.name ?? reason.message) : "Could not rename the room. Try again.");
    }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape" && !saving) onCancel();
  };

  return (
    <form onSubmit={onSubmit} onKeyDown={onKeyDown} onFocus={preloadInputSchemas} noValidate className="space-y-2">
      <label htmlFor={`${id}-name`} className="block text-sm font-medium">
        New name for “{currentName}”
      </label>
      <div className="flex flex-wrap gap-2">
        <input
          id={`${id}-name`}
          name="name"
          defaultValue={currentName}
          maxLength={80}
          required
          // Focus moves here: the form opened on this person's own click.
          autoFocus
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`${inputClass} min-w-0 flex-1`}
        />
        <button type="submit" disabled={saving} className={buttonClass}>
          {saving && <Spinner />}
          {saving ? "Saving…" : "Save"}
        </button>
        <button type="button" onClick={onCancel} disabled={saving} className={secondaryButtonClass}>
          Cancel
        </button>
      </div>
      {error && (
        <p id={`${id}-error`} role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </form>
  );
}
