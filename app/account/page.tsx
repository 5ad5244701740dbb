import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getAccountOverview } from "@/lib/server/account/account-overview";
import { db } from "@/lib/server/db";
import { requirePageUser } from "../_lib/session-user";
import { cardClass } from "../_components/ui";
import { ChangePasswordForm } from "./ChangePasswordForm";
import { DeleteAccountForm } from "./DeleteAccountForm";
import { SignOutEverywhereButton } from "./SignOutEverywhereButton";

export const metadata: Metadata = { title: "Your account" };

const PROVIDER_NAMES: Record<string, string> = { github: "GitHub", google: "Google" };

export default async function AccountPage() {
  const user = await requirePageUser("/account");
  const account = await getAccountOverview(db, user.id);
  if (!account) notFound();
  const providers = account.providers.map((provider) => PROVIDER_NAMES[provider] ?? provider);
  const signsInWith = [...(account.hasPassword ? ["email and password"] : []), ...providers].join(", ");
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <section aria-labelledby="account-heading">
        <h1 id="account-heading" className="mb-1 text-xl font-semibold">
          Your account
        </h1>
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {account.name} · {account.email} · signs in with {signsInWith}
        </p>
      </section>

      <section aria-labelledby="password-heading" className={cardClass}>
        <h2 id="password-heading" className="mb-3 font-semibold">
          Change password
        </h2>
        {account.hasPassword ? (
          <ChangePasswordForm />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">
            You sign in with {providers.join(" or ")}, so your account has no password to change.
          </p>
        )}
      </section>

      <section aria-labelledby="sessions-heading" className={cardClass}>
        <h2 id="sessions-heading" className="mb-1 font-semibold">
          Sign out everywhere
        </h2>
        <p className="mb-3 text-sm text-slate-500 dark:text-slate-400">
          {account.sessionCount === 1
            ? "You are signed in on this browser only."
            : `You are signed in on ${account.sessionCount} browsers, this one included.`}{" "}
          Signing out everywhere ends all of them, and any call or chat they have open.
        </p>
        <SignOutEverywhereButton />
      </section>

      <section aria-labelledby="delete-heading" className={`${cardClass} border-red-200 dark:border-red-900`}>
        <h2 id="delete-heading" className="mb-1 font-semibold text-red-700 dark:text-red-400">
          Delete account
        </h2>
        <div className="mb-3 space-y-2 text-sm text-slate-600 dark:text-slate-300">
          {account.ownedRooms.length === 0 ? (
            <p>You own no rooms.</p>
          ) : (
            <>
              <p>
                {account.ownedRooms.length === 1 ? "The room you own is" : `The ${account.ownedRooms.length} rooms you own are`} deleted with your
                account, with their chat, for their guests too:
              </p>
              <ul className="list-disc pl-5">
                {account.ownedRooms.map((room) => (
                  <li key={room.id}>
                    {room.name}
                    {room.guestName ? ` (with ${room.guestName})` : ""}: {room.messageCount === 1 ? "1 message" : `${room.messageCount} messages`}
                  </li>
                ))}
              </ul>
            </>
          )}
          {account.guestRoomCount > 0 && (
            <p>
              In the {account.guestRoomCount === 1 ? "room" : `${account.guestRoomCount} rooms`} you joined as a guest, your messages stay in the
              owner&apos;s record, shown as from a deleted account, and your seat is freed.
            </p>
          )}
          <p>Your name, email and password are erased, and you are signed out everywhere. This cannot be undone.</p>
        </div>
        <DeleteAccountForm confirmWith={account.hasPassword ? "password" : "email"} />
      </section>
    </div>
  );
}
