"use client";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { isAppError } from "@/lib/shared/errors";
import { roomPath } from "@/lib/shared/paths";
import type { TRoomSummary } from "@/lib/shared/room";
import { apiFetch } from "@/lib/client/api-client";
import { loadInputSchemas, preloadInputSchemas } from "@/lib/client/load-input-schemas";
import { Field } from "./Field";
import { buttonClass } from "./ui";
import { Spinner } from "./Spinner";

export function CreateRoomForm() {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [submitting, setSubmitting] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(undefined);
    setSubmitting(true);
    try {
      const name = new FormData(event.currentTarget).get("name");
      const { parseInput, ZCreateRoomInput } = await loadInputSchemas();
      const input = parseInput(ZCreateRoomInput, { name });
      const { room } = await apiFetch<{ room: TRoomSummary }>("/api/rooms", { method: "POST", body: JSON.stringify(input) });
      router.push(roomPath(room.id));
    } catch (reason) {
      setSubmitting(false);
      setError(isAppError(reason) ? (reason.fields?.name ?? reason.message) : "Could not create the room. Try again.");
    }
  }

  return (
    <form onSubmit={onSubmit} onFocus={preloadInputSchemas} className="space-y-3" noValidate>
      <Field label="Room name" name="name" placeholder="Weekly 1:1" maxLength={80} required error={error} />
      <button type="submit" className={`${buttonClass} w-full`} disabled={submitting}>
        {submitting && <Spinner />}
        {submitting ? "Creating…" : "Create room"}
      </button>
    </form>
  );
}
