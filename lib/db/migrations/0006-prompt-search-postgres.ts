import { sql, type Kysely } from "kysely";

/**
 * Prompt search on Postgres (migration 0006's other half; SQLite has FTS5): the same text
 * as SQLite's index, `prompt` and the VALUES of params_json (for a technique launch, the
 * `value` of each input), in a side table `launch_search` whose `document` is a tsvector
 * with a GIN index. The prompt's words weigh A, the params' B (lib/search ranks A above B).
 *
 * A side table rather than a column of `launches`: every `select *` of launches would carry
 * a tsvector otherwise. A trigger keeps it in step with every write of `kind`, `prompt` or
 * `params_json`; the foreign key follows an id change and removes the row with its launch.
 *
 * Words are split by Postgres' default parser with the `simple` dictionary (lower-cased, no
 * stemming, no stop words, as SQLite's unicode61), and accents are folded through `unaccent`
 * when the extension can be created ("Café" finds "cafe", as on SQLite). Without it (a
 * managed database that refuses extensions) search still works, accents then count.
 */

/** The text search configuration lib/search queries with. */
export const SEARCH_CONFIG = "atelier_search";

export async function up(db: Kysely<unknown>): Promise<void> {
  // The searchable text of JSON: every string and number, in document order (json, not
  // jsonb, which would reorder keys), never keys, booleans or nulls.
  await sql`
    create function atelier_json_text(doc json) returns text language plpgsql immutable as $fn$
    begin
      case json_typeof(doc)
        when 'string' then return doc #>> '{}';
        when 'number' then return doc::text;
        when 'object' then
          return coalesce((select string_agg(nullif(atelier_json_text(e.value), ''), ' ' order by e.ord)
            from json_each(doc) with ordinality as e(key, value, ord)), '');
        when 'array' then
          return coalesce((select string_agg(nullif(atelier_json_text(e.value), ''), ' ' order by e.ord)
            from json_array_elements(doc) with ordinality as e(value, ord)), '');
        else return '';
      end case;
    end $fn$`.execute(db);

  // A launch's params as searchable text; text that is not JSON (a hand-written record)
  // indexes nothing rather than failing the write.
  await sql`
    create function atelier_launch_params_text(kind text, params_json text) returns text language plpgsql immutable as $fn$
    declare
      doc json;
    begin
      if params_json is null then return ''; end if;
      begin
        doc := params_json::json;
      exception when others then
        return '';
      end;
      if kind = 'technique' then
        if json_typeof(doc) <> 'array' then return ''; end if;
        return coalesce((select string_agg(nullif(atelier_json_text(e.value -> 'value'), ''), ' ' order by e.ord)
          from json_array_elements(doc) with ordinality as e(value, ord)
          where json_typeof(e.value) = 'object' and e.value -> 'value' is not null), '');
      end if;
      return atelier_json_text(doc);
    end $fn$`.execute(db);

  await sql.raw(`create text search configuration ${SEARCH_CONFIG} (copy = simple)`).execute(db);
  // unaccent is a trusted extension (PG 13+): a database owner may create it. Refused, the
  // configuration stays plain `simple`.
  await sql`
    do $fn$
    declare
      dictionary text;
    begin
      begin
        create extension if not exists unaccent;
      exception when others then
        raise notice 'unaccent is not available: prompt search will not fold accents';
      end;
      select format('%I.%I', n.nspname, d.dictname) into dictionary
        from pg_ts_dict d join pg_namespace n on n.oid = d.dictnamespace
        where d.dictname = 'unaccent' limit 1;
      if dictionary is not null then
        execute format('alter text search configuration ${sql.raw(SEARCH_CONFIG)} alter mapping for hword, hword_part, word with %s, simple', dictionary);
      end if;
    end $fn$`.execute(db);

  await sql
    .raw(
      `create table launch_search (
        launch_id text primary key references launches (id) on update cascade on delete cascade,
        prompt text not null,
        params text not null,
        document tsvector generated always as (
          setweight(to_tsvector('${SEARCH_CONFIG}', prompt), 'A') || setweight(to_tsvector('${SEARCH_CONFIG}', params), 'B')
        ) stored
      )`,
    )
    .execute(db);
  await sql`create index launch_search_document on launch_search using gin (document)`.execute(db);

  await sql`
    create function atelier_launch_search_sync() returns trigger language plpgsql as $fn$
    begin
      insert into launch_search (launch_id, prompt, params)
        values (new.id, coalesce(new.prompt, ''), atelier_launch_params_text(new.kind, new.params_json))
        on conflict (launch_id) do update set prompt = excluded.prompt, params = excluded.params;
      return null;
    end $fn$`.execute(db);
  await sql`
    create trigger launch_search_sync after insert or update of kind, prompt, params_json on launches
      for each row execute function atelier_launch_search_sync()`.execute(db);

  // Backfill: every launch recorded before this migration.
  await sql`insert into launch_search (launch_id, prompt, params)
    select id, coalesce(prompt, ''), atelier_launch_params_text(kind, params_json) from launches`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop trigger if exists launch_search_sync on launches`.execute(db);
  await sql`drop function if exists atelier_launch_search_sync()`.execute(db);
  await sql`drop table if exists launch_search`.execute(db);
  await sql.raw(`drop text search configuration if exists ${SEARCH_CONFIG}`).execute(db);
  await sql`drop function if exists atelier_launch_params_text(text, text)`.execute(db);
  await sql`drop function if exists atelier_json_text(json)`.execute(db);
}
