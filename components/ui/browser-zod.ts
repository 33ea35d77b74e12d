import { z } from "zod";

/**
 * zod for code that runs in the browser. The pages' CSP has no 'unsafe-eval', so zod's
 * compiled object parsers cannot run there, and its probe for them (a `new Function`) is
 * reported as a CSP violation on every page that parses something. Jitless, it skips both.
 * Import `z` from here in client code; this must run before any schema is built.
 */
z.config({ jitless: true });

export { z };
