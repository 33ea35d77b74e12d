import fs from "node:fs";
import { BackupRefusal } from "@/lib/backup/backup-errors";

/**
 * Gives a finished archive its final name without ever replacing a file that is already
 * there: a hard link fails if the name appeared meanwhile (a rename would overwrite it).
 * Where the file system has no hard links, an exclusive copy does the same.
 */
export function publishFile(partial: string, destination: string): void {
  try {
    try {
      fs.linkSync(partial, destination);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EXDEV") throw error;
      fs.copyFileSync(partial, destination, fs.constants.COPYFILE_EXCL);
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") throw new BackupRefusal(`${destination} already exists: give a new file name, or move the old backup away.`);
    throw error;
  }
}
