import { startActivityRetention } from "@/lib/activity/retention";
import { startArchiving } from "@/lib/archive/start-archive";
// Settles a launch's money when any read of FLORA (a script's poll included) finds its run
// ended; registered at start so it works before any page or launch has loaded it.
import "@/lib/budgets/run-end-hook";
import { randomUUID } from "node:crypto";
import { demoModeClaimed } from "@/lib/auth/demo-claim";
import { userChanges } from "@/lib/auth/user-changes";
import { getStore } from "@/lib/db/store";
import { EnvError, parseEnv, requireFloraKey } from "@/lib/env-schema";
import { connectRedis } from "@/lib/redis/connection";
import { tokenChanges } from "@/lib/tokens/token-changes";
import { ensureDemoAdmin, retireDemoUsers } from "@/lib/users/demo-admin";

/**
 * Server start: validate the environment (a missing or malformed variable stops the server
 * with a message that names it), apply migrations, set up or retire the demo admin, and
 * start pruning the activity log.
 */
async function start() {
  const env = parseEnv(process.env);
  requireFloraKey(env);
  // next-auth v4 builds its callback URLs from NEXTAUTH_URL, or from the request's host
  // when told to trust it; a self-hosted dashboard without NEXTAUTH_URL needs the latter.
  // A blank NEXTAUTH_URL is "unset" to us but an invalid URL to next-auth: remove it.
  if (!env.NEXTAUTH_URL) {
    delete process.env.NEXTAUTH_URL;
    process.env.AUTH_TRUST_HOST ??= "true";
  }

  // With REDIS_URL, instances share poll coalescing, limits and session invalidation;
  // connected before the first request, so the fast path finds it too.
  if (env.REDIS_URL) {
    const redis = connectRedis(env.REDIS_URL, randomUUID());
    // A changed user or a revoked token is forgotten by every instance the moment any
    // instance (or the users command) announces it; only then are they remembered 30 s.
    userChanges.start(redis);
    tokenChanges.start(redis);
  }

  const db = await getStore(env.DATABASE_URL);
  // The demo admin is set up only by an instance that npm start launched on its own
  // simulator; sign-in checks that again, against the simulator itself, every time.
  if (demoModeClaimed(env)) {
    await ensureDemoAdmin(db, env.DEMO_ADMIN_EMAIL, env.DEMO_ADMIN_PASSWORD);
  } else {
    const retired = await retireDemoUsers(db);
    if (retired > 0) console.warn(`Disabled ${retired} demo user(s): they are for the simulator only.`);
  }
  // The activity log keeps ACTIVITY_RETENTION_DAYS: pruned now, then about daily.
  startActivityRetention(db, env.ACTIVITY_RETENTION_DAYS);
  // Copies finished runs' outputs into the archive (ARCHIVE_RUNS), and prunes it (ARCHIVE_RETENTION_DAYS).
  startArchiving(db, env);
}

try {
  await start();
} catch (error) {
  console.error(error instanceof EnvError ? error.message : `Atelier cannot start: ${String(error)}`);
  process.exit(1);
}
