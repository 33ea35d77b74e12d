/** `npm run users -- …`: manage the dashboard's users from a shell (see lib/users/users-command.ts). */
import { migrateToLatest, openDatabase } from "../lib/db/connect";
import { readDatabaseUrl } from "../lib/env-schema";
import { withCommandRedis } from "../lib/users/command-redis";
import { runUsersCommand } from "../lib/users/users-command";

async function readStdin(): Promise<string> {
  if (process.stdin.isTTY) {
    process.stderr.write("Password (input is shown; pipe it in to keep it off screen): ");
  }
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (process.stdin.isTTY && chunk.includes(10)) break;
  }
  return Buffer.concat(chunks).toString("utf8");
}

async function main() {
  const db = openDatabase(readDatabaseUrl(process.env));
  try {
    await migrateToLatest(db);
    // With REDIS_URL, the running instances hear of each change at once (connect, publish, quit).
    process.exitCode = await withCommandRedis(process.env, (line) => console.error(`users: ${line}`), () =>
      runUsersCommand(db, process.argv.slice(2), {
        readStdin,
        out: (line) => console.log(line),
        err: (line) => console.error(line),
      }),
    );
  } finally {
    await db.destroy();
  }
}

main().catch((error: unknown) => {
  console.error(`users: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
