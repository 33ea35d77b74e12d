import { sql, type Kysely } from "kysely";
import { isPostgres, isSqlite } from "@/lib/db/dialect";
import * as postgres from "./0006-prompt-search-postgres";

/**
 * Prompt search: an FTS5 index over every recorded launch (form and token alike), kept in
 * step with `launches` by triggers, so no writer of launches has to remember it.
 *
 * - `launch_search` (FTS5): `prompt`, and `params`: the VALUES of params_json (never its keys
 *   or punctuation); for a technique launch, the `value` of each input (not its id or type).
 * - `launch_search_rows` maps a launch id to the index's rowid. `launches` has a text key, so
 *   its own rowid may change on VACUUM; an INTEGER PRIMARY KEY here never does.
 *
 * Postgres has its own full-text search instead: see ./0006-prompt-search-postgres.ts.
 */

/**
 * The searchable text of a launch's params, in SQL so the triggers and the backfill share it.
 * Invalid JSON (a hand-written record) indexes nothing rather than failing the write.
 * `row` is a fixed alias (`new`, `l`), never user input.
 */
function paramsTextSql(row: string): string {
  const json = `case when json_valid(${row}.params_json) then ${row}.params_json else 'null' end`;
  return `coalesce((select group_concat(leaf.value, ' ') from json_tree(${json}) as leaf
    where leaf.type in ('text', 'integer', 'real')
      and (${row}.kind <> 'technique' or leaf.fullkey like '$[%].value%')), '')`;
}

export async function up(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return postgres.up(db);
  if (!isSqlite(db)) return;
  await sql`create table launch_search_rows (id integer primary key, launch_id text not null unique)`.execute(db);
  // unicode61 folds case and (with remove_diacritics 2) accents: "Café" finds "cafe".
  await sql`create virtual table launch_search using fts5(prompt, params, tokenize = 'unicode61 remove_diacritics 2')`.execute(db);

  const rowOf = (row: string) => `(select id from launch_search_rows where launch_id = ${row}.id)`;
  await sql
    .raw(
      `create trigger launch_search_insert after insert on launches begin
        insert into launch_search_rows (launch_id) values (new.id);
        insert into launch_search (rowid, prompt, params) values (${rowOf("new")}, coalesce(new.prompt, ''), ${paramsTextSql("new")});
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger launch_search_update after update of id, kind, prompt, params_json on launches begin
        update launch_search_rows set launch_id = new.id where launch_id = old.id;
        update launch_search set prompt = coalesce(new.prompt, ''), params = ${paramsTextSql("new")} where rowid = ${rowOf("new")};
      end`,
    )
    .execute(db);
  await sql
    .raw(
      `create trigger launch_search_delete after delete on launches begin
        delete from launch_search where rowid = ${rowOf("old")};
        delete from launch_search_rows where launch_id = old.id;
      end`,
    )
    .execute(db);

  // Backfill: every launch recorded before this migration, oldest first.
  await sql`insert into launch_search_rows (launch_id) select id from launches order by created_at, id`.execute(db);
  await sql
    .raw(
      `insert into launch_search (rowid, prompt, params)
        select r.id, coalesce(l.prompt, ''), ${paramsTextSql("l")} from launches as l join launch_search_rows as r on r.launch_id = l.id`,
    )
    .execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  if (isPostgres(db)) return postgres.down(db);
  if (!isSqlite(db)) return;
  for (const trigger of ["launch_search_insert", "launch_search_update", "launch_search_delete"]) {
    await sql.raw(`drop trigger if exists ${trigger}`).execute(db);
  }
  await sql`drop table if exists launch_search`.execute(db);
  await sql`drop table if exists launch_search_rows`.execute(db);
}
