/** `npm run db:restore FILE`: restores a db:backup file into an empty store (see lib/backup/). */
import { runRestoreCommand } from "../lib/backup/restore-command";

runRestoreCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:restore: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
