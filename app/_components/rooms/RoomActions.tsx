"use client";
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import { isAppError } from "@/lib/shared/errors";
import type { TMemberRole } from "@/lib/shared/room";
import type { TPublicUser } from "@/lib/shared/user";
import { useHydrated } from "@/lib/client/use-hydrated";
import { secondaryButtonClass } from "../ui";
import { ConfirmPanel } from "./ConfirmPanel";
import { RenameRoomForm } from "./RenameRoomForm";
import { roomActionRequests } from "./room-action-requests";
import { ROOM_LIST_HEADING_ID } from "./room-list-heading";

type TMode = "idle" | "rename" | "remove" | "delete" | "leave";

const smallButtonClass = `${secondaryButtonClass} px-3 py-1 text-xs`;

interface RoomActionsProps {
  room: { id: string; name: string };
  myRole: TMemberRole;
  guest: TPublicUser | null;
  requests?: typeof roomActionRequests;
}

/**
 * What I may do with a room from the home page: its owner renames it, removes its guest or
 * deletes it; its guest leaves it. Each asks first (naming the room), shows its progress, and
 * says in words why Duet refused; the server decides who may do what.
 */
export function RoomActions({ room, myRole, guest, requests = roomActionRequests }: RoomActionsProps) {
  const router = useRouter();
  const hydrated = useHydrated();
  const [mode, setMode] = useState<TMode>("idle");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const opener = useRef<HTMLButtonElement | null>(null);
  const group = useRef<HTMLDivElement | null>(null);

  const open = (next: TMode, button: HTMLButtonElement) => {
    opener.current = button;
    setError(null);
    setMode(next);
  };
  // Keyboard users keep their place: back to the button that opened the panel, or where
  // `focusAfter` says when that button goes with the change.
  const close = (focusAfter: () => HTMLElement | null | undefined = () => opener.current) => {
    setMode("idle");
    setError(null);
    requestAnimationFrame(() => focusAfter()?.focus());
  };
  const firstButton = () => group.current?.querySelector("button");
  const listHeading = () => document.getElementById(ROOM_LIST_HEADING_ID);
  const run = async (request: () => Promise<unknown>, focusAfter: () => HTMLElement | null | undefined) => {
    setPending(true);
    setError(null);
    try {
      await request();
      router.refresh();
      close(focusAfter);
    } catch (reason) {
      setError(isAppError(reason) ? reason.message : "Something went wrong. Try again.");
    } finally {
      setPending(false);
    }
  };

  const toggle = (name: TMode, button: HTMLButtonElement) => (mode === name ? close() : open(name, button));

  return (
    <div className="space-y-2">
      <div ref={group} role="group" aria-label={`Actions for ${room.name}`} className="flex flex-wrap gap-2">
        {myRole === "owner" ? (
          <>
            <button
              type="button"
              onClick={(event) => toggle("rename", event.currentTarget)}
              aria-expanded={mode === "rename"}
              disabled={!hydrated || pending}
              className={smallButtonClass}
            >
              Rename
            </button>
            {guest && (
              <button
                type="button"
                onClick={(event) => toggle("remove", event.currentTarget)}
                aria-expanded={mode === "remove"}
                disabled={!hydrated || pending}
                className={smallButtonClass}
              >
                Remove {guest.name}
              </button>
            )}
            <button
              type="button"
              onClick={(event) => toggle("delete", event.currentTarget)}
              aria-expanded={mode === "delete"}
              disabled={!hydrated || pending}
              className={smallButtonClass}
            >
              Delete
            </button>
          </>
        ) : (
          <button
            type="button"
            onClick={(event) => toggle("leave", event.currentTarget)}
            aria-expanded={mode === "leave"}
            disabled={!hydrated || pending}
            className={smallButtonClass}
          >
            Leave
          </button>
        )}
      </div>
      {mode === "rename" && (
        <RenameRoomForm
          currentName={room.name}
          onCancel={() => close()}
          onRename={async (name) => {
            await requests.rename(room.id, name);
            router.refresh();
            close();
          }}
        />
      )}
      {mode === "delete" && (
        <ConfirmPanel
          confirmLabel="Delete room"
          pendingLabel="Deleting…"
          pending={pending}
          error={error}
          onCancel={() => close()}
          onConfirm={() => void run(() => requests.delete(room.id), listHeading)}
        >
          Delete “{room.name}”? Its messages and call records are deleted with it{guest ? `, for ${guest.name} too` : ""}. This can&apos;t be undone.
        </ConfirmPanel>
      )}
      {mode === "remove" && guest && (
        <ConfirmPanel
          confirmLabel={`Remove ${guest.name}`}
          pendingLabel="Removing…"
          pending={pending}
          error={error}
          onCancel={() => close()}
          onConfirm={() => void run(() => requests.removeGuest(room.id, guest.id), firstButton)}
        >
          Remove {guest.name} from “{room.name}”? They lose the room and its history at once, and can&apos;t join again with its link. The seat is
          free for someone else.
        </ConfirmPanel>
      )}
      {mode === "leave" && (
        <ConfirmPanel
          confirmLabel="Leave room"
          pendingLabel="Leaving…"
          pending={pending}
          error={error}
          onCancel={() => close()}
          onConfirm={() => void run(() => requests.leave(room.id), listHeading)}
        >
          Leave “{room.name}”? You lose its call, chat and history; your messages stay in it. You can ask to join again with its link while its seat
          is free.
        </ConfirmPanel>
      )}
    </div>
  );
}
