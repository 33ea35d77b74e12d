/**
 * The push benchmark's teammates, straight into the throwaway store (as bench:scale makes
 * them): a member who launches (token), a viewer the browser signs in as (password), and
 * enough viewers with a token each to hold the streams, since one teammate may keep only
 * STREAMS_PER_USER streams open per instance.
 */
import { migrateToLatest, openDatabase } from "@/lib/db/connect";
import { STREAMS_PER_USER } from "@/lib/live/stream-slots";
import { createToken } from "@/lib/tokens/token-store";
import { addUser } from "@/lib/users/users";

export interface PushAccounts {
  launcherToken: string;
  watcher: { email: string; password: string };
  /** One per STREAMS_PER_USER streams. */
  streamTokens: string[];
}

export async function makeAccounts(databaseUrl: string, streams: number): Promise<PushAccounts> {
  const db = openDatabase(databaseUrl);
  try {
    await migrateToLatest(db);
    const password = "push-bench-password-1";
    const launcher = await addUser(db, { email: "launcher@push.test", role: "member", password });
    const launcherToken = (await createToken(db, { owner: launcher, name: "push launcher", expiresInDays: 1 })).token;
    const watcher = { email: "watcher@push.test", password };
    await addUser(db, { ...watcher, role: "viewer" });
    const streamTokens: string[] = [];
    for (let index = 0; index < Math.ceil(streams / STREAMS_PER_USER); index += 1) {
      const viewer = await addUser(db, { email: `stream-${index}@push.test`, role: "viewer", password });
      streamTokens.push((await createToken(db, { owner: viewer, name: "push streams", expiresInDays: 1 })).token);
    }
    return { launcherToken, watcher, streamTokens };
  } finally {
    await db.destroy();
  }
}
