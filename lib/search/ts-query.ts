import { searchTerms } from "@/lib/search/fts-query";

/**
 * A teammate's search text → the text of a Postgres tsquery (for `to_tsquery`) that can only
 * mean "these words", the same as lib/search/fts-query.ts builds for SQLite.
 *
 * Every term is a quoted tsquery lexeme (`'` doubled, `\` escaped), so nothing typed is read
 * as tsquery syntax: not `&`, `|`, `!`, `<->`, `:*`, `:A` or parentheses. to_tsquery still runs
 * each quoted term through the parser, so "sunset-orange" becomes the phrase of its words as
 * in the index. Terms are ANDed; the last also matches as a prefix (a word still being typed).
 * The text goes to Postgres as a bound parameter, never into the SQL.
 */
export function tsQuery(text: string): string | null {
  const terms = searchTerms(text);
  if (terms.length === 0) return null;
  return terms
    .map((term, index) => `'${term.replaceAll("\\", "\\\\").replaceAll("'", "''")}'${index === terms.length - 1 ? ":*" : ""}`)
    .join(" & ");
}
