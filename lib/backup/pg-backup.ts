import fs from "node:fs";
import path from "node:path";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { publishFile } from "@/lib/backup/publish-file";
import type { BackupResult } from "@/lib/backup/sqlite-backup";
import { definedOnly, pgEnvFromUrl, requirePgTool, runTool, type Environment, type ToolRunner } from "@/lib/backup/pg-tools";

/**
 * `pg_dump --format=custom` of the Postgres store. pg_dump reads inside one repeatable-read
 * transaction, so the archive is a consistent snapshot taken while the dashboard keeps
 * writing. The connection goes in libpq's environment variables, never on the command line.
 */
export async function backupPostgres(
  databaseUrl: string,
  destination: string,
  environment: Environment,
  deps: { run?: ToolRunner; pgDump?: string } = {},
): Promise<BackupResult> {
  const env = { ...definedOnly(environment), ...pgEnvFromUrl(databaseUrl) };
  const pgDump = deps.pgDump ?? requirePgTool("pg_dump", environment.PATH ?? "");
  if (fs.existsSync(destination)) throw new BackupRefusal(`${destination} already exists: give a new file name, or move the old backup away.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const partial = `${destination}.partial-${process.pid}`;
  try {
    const { code, stderr } = await (deps.run ?? runTool)(pgDump, ["--format=custom", "--no-owner", "--no-privileges", `--file=${partial}`], env);
    if (code !== 0) throw new BackupRefusal(`pg_dump failed (exit ${code}): ${stderr.trim() || "no message"}`);
    publishFile(partial, destination);
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return { file: destination, bytes: fs.statSync(destination).size };
}
