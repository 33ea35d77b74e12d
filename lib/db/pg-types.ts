import pg from "pg";

/** Postgres type ids whose text `pg` would hand over as a string. */
const INT8 = 20;
const NUMERIC = 1700;

/**
 * Reads a bigint (`count(*)`, our unix-ms times, micro-dollar totals) or a numeric (what
 * `sum()` of a bigint returns) as a JS number, as SQLite's driver does, so one query
 * gives the same row on both stores. Times in ms and sums of micro-dollars stay far below
 * 2^53; a value past that would lose digits silently, so it throws instead.
 */
export function parseStoreNumber(text: string): number {
  const value = Number(text);
  if (!Number.isFinite(value)) throw new RangeError(`Postgres returned ${text}, which is not a finite number`);
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    throw new RangeError(`Postgres returned ${text}, larger than a JS number holds exactly`);
  }
  return value;
}

/**
 * The parsers the store's pool uses: pg's own, except int8 and numeric. Given to the pool
 * (its `types` option) rather than set on pg's global table, so no other pg user in the
 * process (a backup script, a test) has its results changed under it.
 */
export const storeTypes: { getTypeParser: typeof pg.types.getTypeParser } = {
  getTypeParser: ((oid: number, format?: "text" | "binary") => {
    if ((oid === INT8 || oid === NUMERIC) && format !== "binary") return parseStoreNumber;
    return pg.types.getTypeParser(oid, format as "text");
  }) as typeof pg.types.getTypeParser,
};
