import path from "node:path";
import { BackupRefusal } from "@/lib/backup/backup-errors";
import { parseDatabaseUrl, type DatabaseTarget } from "@/lib/db/database-url";

export type StoreLocation = { kind: "sqlite"; filename: string } | { kind: "postgres"; url: string };

/** DATABASE_URL → the store to back up or restore into, read by the store's own parser (lib/db/database-url.ts). */
export function locateStore(databaseUrl: string, cwd = process.cwd()): StoreLocation {
  let target: DatabaseTarget;
  try {
    target = parseDatabaseUrl(databaseUrl, cwd);
  } catch (error) {
    throw new BackupRefusal(error instanceof Error ? error.message : String(error));
  }
  if (target.dialect === "postgres") return { kind: "postgres", url: target.connectionString };
  if (target.filename === ":memory:") {
    throw new BackupRefusal("DATABASE_URL is :memory:: that store lives and dies with one process, so there is nothing to back up or restore into.");
  }
  return { kind: "sqlite", filename: target.filename };
}

/** The default archive name: `./data/backups/atelier-20261129T035012Z.db` (UTC, no colons, so any file system takes it). */
export function defaultBackupFile(now: Date, cwd = process.cwd(), extension = ".db"): string {
  const stamp = now.toISOString().replace(/\.\d{3}Z$/, "Z").replace(/[-:]/g, "");
  return path.resolve(cwd, "data", "backups", `atelier-${stamp}${extension}`);
}

/** 1536 → "1.5 KiB": what the commands print beside a file's name. */
export function formatBytes(bytes: number): string {
  const units = ["bytes", "KiB", "MiB", "GiB", "TiB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(1)} ${units[unit]}`;
}
