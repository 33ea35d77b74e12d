/** `npm run db:backup [FILE]`: a consistent backup of DATABASE_URL's store while the server runs (see lib/backup/). */
import { runBackupCommand } from "../lib/backup/backup-command";

runBackupCommand(process.argv.slice(2), process.env, {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`db:backup: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  },
);
