/**
 * Why `db:backup` / `db:restore` stopped. The commands map these to exit codes the way the
 * users command does: a refusal is 1 (nothing was changed), a usage error is 2.
 */
export class BackupRefusal extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupRefusal";
  }
}

export class BackupUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "BackupUsageError";
  }
}

/** What the commands print to; the scripts pass console.log / console.error, tests collect lines. */
export interface BackupIo {
  out(line: string): void;
  err(line: string): void;
}
