import { EnvError, parseEnv, requireFloraKey } from "@/lib/env-schema";

// Validates the environment at server start, so a missing or malformed variable stops the
// server with a message that names it instead of surfacing later as a failed request.
try {
  requireFloraKey(parseEnv(process.env));
} catch (error) {
  if (error instanceof EnvError) {
    console.error(error.message);
    process.exit(1);
  }
  throw error;
}
