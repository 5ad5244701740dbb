import type { TCallRecord } from "@/lib/shared/call";
import { describeCallEnd, describeCallQuality, formatCallDuration } from "@/lib/shared/call-text";
import type { TPublicUser } from "@/lib/shared/user";
import { fullDateTime, timeOfDay } from "@/lib/client/history/format-time";

interface TimelineCallEventProps {
  kind: "call-started" | "call-ended";
  entryKey: string;
  at: string;
  call: TCallRecord;
  me: TPublicUser;
}

/** A call's start (who) or end (how long, how, and each side's connection) in the history. */
export function TimelineCallEvent({ kind, entryKey, at, call, me }: TimelineCallEventProps) {
  // "You and Ben": the reader first.
  const names = [...call.participants]
    .sort((a, b) => Number(b.user.id === me.id) - Number(a.user.id === me.id))
    .map(({ user }) => (user.id === me.id ? "You" : user.name));
  const title = kind === "call-started" ? "Call started" : describeCallEnd(call.endReason);
  const details =
    kind === "call-started"
      ? [names.join(" and ")]
      : [
          ...(call.durationMs !== null ? [formatCallDuration(call.durationMs)] : []),
          ...call.participants.flatMap(({ user, quality }) =>
            quality ? [`${user.id === me.id ? "your connection" : `${user.name}'s connection`}: ${describeCallQuality(quality)}`] : [],
          ),
        ];
  return (
    <li
      id={`e-${entryKey}`}
      data-entry-key={entryKey}
      tabIndex={-1}
      aria-label={`${title}, ${timeOfDay(at)}${details.length ? `, ${details.join("; ")}` : ""}`}
      data-testid="timeline-call"
      data-kind={kind}
      className="mx-auto flex max-w-full flex-col items-center rounded-xl border border-slate-200 bg-slate-50 px-3 py-1.5 text-center text-xs text-slate-600 dark:border-slate-800 dark:bg-slate-900 dark:text-slate-300"
    >
      <span>
        <span aria-hidden="true">☎ </span>
        <span className="font-medium text-slate-800 dark:text-slate-100">{title}</span>{" "}
        <time dateTime={at} title={fullDateTime(at)}>
          {timeOfDay(at)}
        </time>
      </span>
      {details.map((detail) => (
        <span key={detail} className="break-words">
          {detail}
        </span>
      ))}
    </li>
  );
}
