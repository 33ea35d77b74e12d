import { parseArgs } from "node:util";
import { BackupRefusal, BackupUsageError, type BackupIo } from "@/lib/backup/backup-errors";

/** Splits the one optional FILE from the arguments; `--help` prints the usage. */
export function parseCommandArgs(args: string[]): { help: boolean; positional: string[] } {
  try {
    const { values, positionals } = parseArgs({ args, options: { help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    return { help: values.help === true, positional: positionals };
  } catch (error) {
    if (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS_")) throw new BackupUsageError(error.message);
    throw error;
  }
}

/** Maps the outcome to the users command's exit codes: 0 done, 1 refused or failed, 2 usage. */
export async function withExitCode(name: string, usage: string, io: BackupIo, work: () => Promise<void>): Promise<number> {
  try {
    await work();
    return 0;
  } catch (error) {
    if (error instanceof BackupUsageError) {
      io.err(`${name}: ${error.message}\n\n${usage}`);
      return 2;
    }
    io.err(`${name}: ${error instanceof BackupRefusal ? error.message : `failed: ${error instanceof Error ? error.message : String(error)}`}`);
    return 1;
  }
}
