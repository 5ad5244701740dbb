import { config } from "zod/mini";
import { en } from "zod/locales";

// zod/mini, not classic zod: every page that imports a shared schema ships it, and classic
// zod's chainable classes cost the browser ~25 kB gzipped at best (~90 kB when imported as
// its `z` namespace, which keeps every locale), zod/mini ~6 kB. Same core, same parsing.
//
// Classic zod installs English messages when it loads; zod/mini does not, and the browser
// loads no classic zod. Installed here, issues without a message of our own read the same
// on the server and in the browser.
config(en());

/** How much of an unknown field's name an error repeats: the name is the sender's input, of any length. */
const KEY_SHOWN_LENGTH = 40;
const KEYS_SHOWN = 3;

const shortKey = (key: string) => JSON.stringify(key.length > KEY_SHOWN_LENGTH ? `${key.slice(0, KEY_SHOWN_LENGTH)}…` : key);

// Pages run under a CSP without 'unsafe-eval'. Left alone, zod probes for eval (new Function)
// the first time an object schema is built, to compile a faster parser, and the probe is a
// reported CSP violation in the browser. Its interpreter is fast enough for Duet's payloads.
// Every schema module imports z from here, so this runs before any schema exists.
config({
  jitless: true,
  // Strict objects refuse unknown fields; zod's own message would echo every key in full.
  customError: (issue) => {
    if (issue.code !== "unrecognized_keys") return undefined;
    const named = issue.keys.slice(0, KEYS_SHOWN).map(shortKey).join(", ");
    const more = issue.keys.length > KEYS_SHOWN ? ` and ${issue.keys.length - KEYS_SHOWN} more` : "";
    return `Unknown field${issue.keys.length === 1 ? "" : "s"} ${named}${more}`;
  },
});

// Schema modules `import * as z from "./zod"`: a namespace import that bundlers can prune to
// the functions used (re-exporting zod's own `z` object would keep all of it).
export * from "zod/mini";
