import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import { ftsQuery, SEARCH_MAX_LENGTH, SEARCH_MAX_TERMS } from "@/lib/search/fts-query";

/** A tiny FTS5 table to prove each built query is valid and means only its words. */
function fts() {
  const db = new Database(":memory:");
  db.exec("create virtual table t using fts5(prompt, params)");
  const insert = db.prepare("insert into t (rowid, prompt, params) values (?, ?, ?)");
  insert.run(1, "a red fox at dawn", "");
  insert.run(2, "NEAR the blue sea", "");
  insert.run(3, 'say "hello" OR goodbye', "");
  insert.run(4, "foxglove in bloom", "");
  const match = (text: string) => {
    const query = ftsQuery(text);
    if (query === null) return null;
    return (db.prepare("select rowid from t where t match ? order by rowid").all(query) as Array<{ rowid: number }>).map((row) => row.rowid);
  };
  return { match };
}

describe("ftsQuery", () => {
  it("quotes every term, ANDs them, and lets the last one match as a prefix", () => {
    expect(ftsQuery("red fox")).toBe('"red" "fox"*');
    expect(ftsQuery("  fox  ")).toBe('"fox"*');
    const { match } = fts();
    expect(match("red fox")).toEqual([1]);
    expect(match("fox")).toEqual([1, 4]);
    expect(match("fox dawn")).toEqual([1]);
  });

  it("reads FTS operators and syntax as plain words, never as syntax", () => {
    const { match } = fts();
    // Unquoted, OR would widen the search, NOT would narrow it, NEAR( would be a group, `-`/`:` column filters.
    expect(match("fox OR sea")).toEqual([]);
    expect(match("hello OR")).toEqual([3]);
    expect(match("NEAR")).toEqual([2]);
    expect(match("NEAR(fox sea)")).toEqual([]);
    expect(match("prompt:fox")).toEqual([]);
    expect(match("-fox")).toEqual([1, 4]);
    expect(match("fox NOT dawn")).toEqual([]);
  });

  it("never crashes on quotes, stars, carets, brackets or unbalanced quotes", () => {
    const { match } = fts();
    for (const text of ['"', '"hello', 'hello"', '""hello""', "*", "fox*", "^fox", "(fox", "fox)", "{prompt}: fox", "a\u0000b", "'; drop table t; --"]) {
      expect(() => match(text), text).not.toThrow();
    }
    expect(match('"hello')).toEqual([3]);
    expect(ftsQuery('say "hello"')).toBe('"say" """hello"""*');
    expect(match("fox*")).toEqual([1, 4]);
  });

  it("gives null for text without a word, so nothing is searched", () => {
    expect(ftsQuery("")).toBeNull();
    expect(ftsQuery("   ")).toBeNull();
    expect(ftsQuery('* " ( ) ^ -')).toBeNull();
  });

  it("bounds the text and the number of terms", () => {
    const many = Array.from({ length: 40 }, (_, i) => `w${i}`).join(" ");
    expect(ftsQuery(many)!.split(" ")).toHaveLength(SEARCH_MAX_TERMS);
    expect(ftsQuery("x".repeat(SEARCH_MAX_LENGTH + 50))).toBe(`"${"x".repeat(SEARCH_MAX_LENGTH)}"*`);
  });

  it("folds accents and case through the index's tokenizer", () => {
    const db = new Database(":memory:");
    db.exec("create virtual table t using fts5(prompt, tokenize = 'unicode61 remove_diacritics 2')");
    db.prepare("insert into t (rowid, prompt) values (1, 'Café au lait')").run();
    expect(db.prepare("select rowid from t where t match ?").all(ftsQuery("cafe"))).toEqual([{ rowid: 1 }]);
  });
});
