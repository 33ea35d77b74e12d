import { sql, type Kysely } from "kysely";
import { isPostgres } from "@/lib/db/dialect";
import * as postgres from "./0007-budget-spend-postgres";

/**
 * What each month holds against each cap, kept as a running total so that a reservation
 * reads one row instead of summing every launch of the month (the team's sum read all of
 * them: 8 ms at 10,000 launches a month, against a 2 ms budget for the whole reservation).
 *
 * One row per (month, scope): scope "team" (every launch), or a user's id (theirs). The
 * total is in whole micro-dollars, so adding and taking away never drifts. Triggers on
 * `launches` keep it in step with every write of `spend_month`, `user_id` or
 * `reserved_usd`, whoever writes them, in the same transaction as the write.
 *
 * The triggers here are SQLite's; Postgres gets the same totals from a PL/pgSQL trigger
 * (./0007-budget-spend-postgres.ts). The table itself is the schema builder's, shared.
 */
const addSql = (row: "new" | "old", sign: "+" | "-", scope: "team" | "user") => `
  insert into budget_spend (month, scope, reserved_micros)
    select ${row}.spend_month, ${scope === "team" ? "'team'" : `${row}.user_id`}, ${sign}cast(round(${row}.reserved_usd * 1000000) as integer)
    where ${row}.spend_month is not null${scope === "user" ? ` and ${row}.user_id is not null` : ""}
  on conflict (month, scope) do update set reserved_micros = reserved_micros + excluded.reserved_micros;`;

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("budget_spend")
    .addColumn("month", "text", (col) => col.notNull())
    .addColumn("scope", "text", (col) => col.notNull())
    .addColumn("reserved_micros", "bigint", (col) => col.notNull().defaultTo(0))
    .addPrimaryKeyConstraint("budget_spend_pk", ["month", "scope"])
    .execute();
  if (isPostgres(db)) return postgres.up(db);

  await sql
    .raw(`create trigger launches_spend_insert after insert on launches begin ${addSql("new", "+", "team")} ${addSql("new", "+", "user")} end`)
    .execute(db);
  await sql
    .raw(
      `create trigger launches_spend_update after update of spend_month, user_id, reserved_usd on launches begin
        ${addSql("old", "-", "team")} ${addSql("old", "-", "user")} ${addSql("new", "+", "team")} ${addSql("new", "+", "user")} end`,
    )
    .execute(db);
  await sql.raw(`create trigger launches_spend_delete after delete on launches begin ${addSql("old", "-", "team")} ${addSql("old", "-", "user")} end`).execute(db);

  // Launches reserved before this migration.
  await sql`insert into budget_spend (month, scope, reserved_micros)
    select spend_month, 'team', sum(cast(round(reserved_usd * 1000000) as integer)) from launches where spend_month is not null group by spend_month`.execute(db);
  await sql`insert into budget_spend (month, scope, reserved_micros)
    select spend_month, user_id, sum(cast(round(reserved_usd * 1000000) as integer)) from launches
    where spend_month is not null and user_id is not null group by spend_month, user_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) await postgres.down(db);
  else {
    for (const trigger of ["launches_spend_insert", "launches_spend_update", "launches_spend_delete"]) {
      await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
    }
  }
  await db.schema.dropTable("budget_spend").execute();
}
