import { z } from "zod";

/** How much of an unknown field's name an error repeats: the name is the sender's input, of any length. */
const KEY_SHOWN_LENGTH = 40;
const KEYS_SHOWN = 3;

const shortKey = (key: string) => JSON.stringify(key.length > KEY_SHOWN_LENGTH ? `${key.slice(0, KEY_SHOWN_LENGTH)}…` : key);

// Pages run under a CSP without 'unsafe-eval'. Left alone, zod probes for eval (new Function)
// the first time an object schema is built, to compile a faster parser, and the probe is a
// reported CSP violation in the browser. Its interpreter is fast enough for Duet's payloads.
// Every schema module imports z from here, so this runs before any schema exists.
z.config({
  jitless: true,
  // Strict objects refuse unknown fields; zod's own message would echo every key in full.
  customError: (issue) => {
    if (issue.code !== "unrecognized_keys") return undefined;
    const named = issue.keys.slice(0, KEYS_SHOWN).map(shortKey).join(", ");
    const more = issue.keys.length > KEYS_SHOWN ? ` and ${issue.keys.length - KEYS_SHOWN} more` : "";
    return `Unknown field${issue.keys.length === 1 ? "" : "s"} ${named}${more}`;
  },
});

export { z };
