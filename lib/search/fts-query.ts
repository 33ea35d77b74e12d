/**
 * A teammate's search text → an SQLite FTS5 query that can only mean "these words".
 *
 * Every term is a quoted FTS5 string (a `"` inside is doubled), so nothing the teammate types
 * is read as FTS syntax: not `AND`/`OR`/`NOT`/`NEAR`, not `*`, `^`, `:` or a column filter, not
 * an unbalanced quote. Terms are ANDed (FTS5's implicit operator); the last one also matches
 * as a prefix, so a word still being typed finds its completions.
 */

/** The longest search text accepted (the URL parser and the route's zod schema share it). */
export const SEARCH_MAX_LENGTH = 200;
/** More words than this add nothing but cost: the rest are ignored. */
export const SEARCH_MAX_TERMS = 12;

// Control characters have no place in a term; a term with no letter or digit would be an
// empty FTS5 string, which matches nothing and only confuses.
const CONTROL = /\p{Cc}/gu;
const WORDLIKE = /[\p{L}\p{N}]/u;

/** The teammate's terms, as both stores' queries take them (Postgres: lib/search/ts-query.ts). */
export function searchTerms(text: string): string[] {
  return text
    .slice(0, SEARCH_MAX_LENGTH)
    .normalize("NFKC")
    .replace(CONTROL, " ")
    .split(/\s+/)
    .filter((term) => WORDLIKE.test(term))
    .slice(0, SEARCH_MAX_TERMS);
}

/** The FTS5 MATCH expression for `text`, or null when it holds no word at all. */
export function ftsQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms.map((term, index) => `"${term.replaceAll('"', '""')}"${index === terms.length - 1 ? "*" : ""}`).join(" ");
}
