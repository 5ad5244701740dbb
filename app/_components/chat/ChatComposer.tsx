"use client";
import { useState, type FormEvent, type KeyboardEvent, type Ref } from "react";
import { MESSAGE_MAX_LENGTH } from "@/lib/shared/input-limits";
import { buttonClass, inputClass } from "../ui";

/** Enter sends, Shift+Enter starts a new line. `inputRef`: the message box, for the panel to return focus to. */
export function ChatComposer({ onSend, inputRef }: { onSend(body: string): void; inputRef?: Ref<HTMLTextAreaElement> }) {
  const [draft, setDraft] = useState("");
  const length = draft.trim().length;
  const tooLong = length > MESSAGE_MAX_LENGTH;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (length === 0 || tooLong) return;
    onSend(draft.trim());
    setDraft("");
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) submit(event);
  }

  return (
    <form onSubmit={submit} className="border-t border-slate-200 p-3 dark:border-slate-800">
      <label htmlFor="chat-draft" className="sr-only">
        Message
      </label>
      <div className="flex items-end gap-2">
        <textarea
          ref={inputRef}
          id="chat-draft"
          rows={2}
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
          onKeyDown={onKeyDown}
          placeholder="Write a message…"
          aria-describedby={tooLong ? "chat-draft-error" : undefined}
          aria-invalid={tooLong || undefined}
          className={`${inputClass} resize-none`}
        />
        <button type="submit" className={buttonClass} disabled={length === 0 || tooLong}>
          Send
        </button>
      </div>
      {length > MESSAGE_MAX_LENGTH - 200 && (
        <p id="chat-draft-error" className={`mt-1 text-xs ${tooLong ? "text-red-600 dark:text-red-400" : "text-slate-500 dark:text-slate-400"}`}>
          {length} / {MESSAGE_MAX_LENGTH} characters{tooLong ? " — shorten it to send" : ""}
        </p>
      )}
    </form>
  );
}
