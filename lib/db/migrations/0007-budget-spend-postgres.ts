import { sql, type Kysely } from "kysely";

/**
 * Migration 0007's running totals on Postgres: the same budget_spend rows, kept by one
 * PL/pgSQL trigger on launches in the transaction of the write, whoever writes. Team row
 * first, then the user's row, in every writer: lib/budgets/reserve.ts locks them in that
 * order too, so two transactions never wait on each other's second row (no deadlock).
 *
 * Micro-dollars are rounded through numeric, which rounds half away from zero as SQLite's
 * round() and the app's Math.round do for these amounts (double precision would round
 * half to even).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function atelier_budget_spend_add(in_month text, in_user_id text, in_micros bigint) returns void language plpgsql as $fn$
    begin
      if in_month is null then return; end if;
      insert into budget_spend as s (month, scope, reserved_micros) values (in_month, 'team', in_micros)
        on conflict (month, scope) do update set reserved_micros = s.reserved_micros + excluded.reserved_micros;
      if in_user_id is not null then
        insert into budget_spend as s (month, scope, reserved_micros) values (in_month, in_user_id, in_micros)
          on conflict (month, scope) do update set reserved_micros = s.reserved_micros + excluded.reserved_micros;
      end if;
    end $fn$`.execute(db);

  await sql`
    create function atelier_launches_spend_sync() returns trigger language plpgsql as $fn$
    begin
      if tg_op in ('UPDATE', 'DELETE') then
        perform atelier_budget_spend_add(old.spend_month, old.user_id, -round(old.reserved_usd::numeric * 1000000)::bigint);
      end if;
      if tg_op in ('INSERT', 'UPDATE') then
        perform atelier_budget_spend_add(new.spend_month, new.user_id, round(new.reserved_usd::numeric * 1000000)::bigint);
      end if;
      return null;
    end $fn$`.execute(db);

  await sql`create trigger launches_spend_insert after insert on launches for each row execute function atelier_launches_spend_sync()`.execute(db);
  // Only when a counted column really changed: a settle that writes the same amount takes no lock on the totals.
  await sql`
    create trigger launches_spend_update after update of spend_month, user_id, reserved_usd on launches for each row
      when (old.spend_month is distinct from new.spend_month or old.user_id is distinct from new.user_id or old.reserved_usd is distinct from new.reserved_usd)
      execute function atelier_launches_spend_sync()`.execute(db);
  await sql`create trigger launches_spend_delete after delete on launches for each row execute function atelier_launches_spend_sync()`.execute(db);

  // Launches reserved before this migration.
  await sql`insert into budget_spend (month, scope, reserved_micros)
    select spend_month, 'team', sum(round(reserved_usd::numeric * 1000000)::bigint) from launches where spend_month is not null group by spend_month`.execute(db);
  await sql`insert into budget_spend (month, scope, reserved_micros)
    select spend_month, user_id, sum(round(reserved_usd::numeric * 1000000)::bigint) from launches
    where spend_month is not null and user_id is not null group by spend_month, user_id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const trigger of ["launches_spend_insert", "launches_spend_update", "launches_spend_delete"]) {
    await sql.raw(`drop trigger if exists ${trigger} on launches`).execute(db);
  }
  await sql`drop function if exists atelier_launches_spend_sync()`.execute(db);
  await sql`drop function if exists atelier_budget_spend_add(text, text, bigint)`.execute(db);
}
