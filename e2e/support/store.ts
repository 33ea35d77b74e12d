import Database from "better-sqlite3";

/** Read-only look into the suite's local store, to check what the dashboard recorded. */
export function readLaunches(where: { runId?: string; userEmail?: string }) {
  const file = (process.env.E2E_DATABASE_URL ?? "").replace(/^file:/, "");
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (where.runId) return db.prepare("select * from launches where run_id = ?").all(where.runId) as Array<Record<string, unknown>>;
    return db.prepare("select * from launches where user_email = ? order by created_at").all(where.userEmail) as Array<Record<string, unknown>>;
  } finally {
    db.close();
  }
}
