import { z } from "zod";

// Pages run under a CSP without 'unsafe-eval'. Left alone, zod probes for eval (new Function)
// the first time an object schema is built, to compile a faster parser, and the probe is a
// reported CSP violation in the browser. Its interpreter is fast enough for Duet's payloads.
// Every schema module imports z from here, so this runs before any schema exists.
z.config({ jitless: true });

export { z };
