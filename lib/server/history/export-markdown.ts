import { describeCallEnd, describeCallQuality, formatCallDuration } from "@/lib/shared/call-text";
import type { TRoomSummary } from "@/lib/shared/room";
import type { TTimelineEntry } from "@/lib/shared/timeline";

/** Characters Markdown could read as formatting, anywhere in a line (`&`: an entity such as `&lt;`). */
const INLINE = /[\\`*_[\]<>|~#&]/g;
/** What would start a list, quote or heading (a setext `===` under the line before) at the start of a line. */
const LINE_START = /^(\s*)([-+>=]|\d+[.)])/;
/** A line's indentation: four spaces would make it a code block, where escapes show. */
const INDENT = /^[ \t]+/;

/** Text shown as written: every character Markdown would treat as formatting is escaped. */
export function escapeMarkdown(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      line
        // Indentation kept as no-break spaces, which Markdown does not read as indentation.
        .replace(INDENT, (space) => "\u00a0".repeat(space.replaceAll("\t", "    ").length))
        .replace(INLINE, "\\$&")
        // "- x" → "\- x"; "1. x" → "1\. x" (CommonMark escapes a list number's punctuation, not its digits).
        .replace(LINE_START, (_match, space: string, mark: string) => `${space}${mark.slice(0, -1)}\\${mark.slice(-1)}`),
    )
    .join("  \n");
}

/** Days and times in the reader's zone: what the export is for is reading it. */
export class MarkdownClock {
  private readonly day: Intl.DateTimeFormat;
  private readonly time: Intl.DateTimeFormat;
  private readonly full: Intl.DateTimeFormat;

  constructor(readonly timeZone: string) {
    this.day = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "full" });
    this.time = new Intl.DateTimeFormat("en-GB", { timeZone, timeStyle: "short" });
    this.full = new Intl.DateTimeFormat("en-GB", { timeZone, dateStyle: "long", timeStyle: "short" });
  }

  dayOf = (iso: string) => this.day.format(new Date(iso));
  timeOf = (iso: string) => this.time.format(new Date(iso));
  fullOf = (iso: string) => this.full.format(new Date(iso));
}

export function markdownHead(room: TRoomSummary, exportedAt: Date, clock: MarkdownClock): string {
  const members = room.members.map(({ name, role }) => `${escapeMarkdown(name)} (${role})`).join(", ");
  return [
    `# ${escapeMarkdown(room.name)}`,
    "",
    `The whole record of this Duet room, exported ${clock.fullOf(exportedAt.toISOString())} (times in ${clock.timeZone}).  `,
    `Members: ${members || "none"}`,
    "",
  ].join("\n");
}

/** One entry, under a day heading when it opens a new day; `previousDay` is the day of the entry before. */
export function markdownEntry(entry: TTimelineEntry, previousDay: string | null, clock: MarkdownClock): { text: string; day: string } {
  const day = clock.dayOf(entry.at);
  const heading = day === previousDay ? "" : `\n## ${day}\n\n`;
  return { text: `${heading}${entryText(entry, clock)}\n\n`, day };
}

function entryText(entry: TTimelineEntry, clock: MarkdownClock): string {
  const time = clock.timeOf(entry.at);
  if (entry.kind === "message") return `**${time} · ${escapeMarkdown(entry.message.author.name)}**  \n${escapeMarkdown(entry.message.body)}`;
  const { call } = entry;
  const names = call.participants.map(({ user }) => escapeMarkdown(user.name));
  if (entry.kind === "call-started") return `**${time} · Call started** · ${names.join(" and ")}`;
  const details = [
    ...(call.durationMs !== null ? [formatCallDuration(call.durationMs)] : []),
    ...call.participants.flatMap(({ user, quality }) =>
      quality ? [`${escapeMarkdown(user.name)}'s connection: ${describeCallQuality(quality)}`] : [],
    ),
  ];
  return `**${time} · ${describeCallEnd(call.endReason)}**${details.map((detail) => ` · ${detail}`).join("")}`;
}
