import { z } from "zod";

/** Position in a newest-first list: (created_at, id), compared in that order. */
export interface SortKey {
  at: number;
  id: string;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.at !== b.at) return a.at - b.at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

const cursorSchema = z.object({
  v: z.literal(1),
  list: z.string(),
  at: z.number().int().nonnegative(),
  id: z.string().regex(/^[a-z]+_[A-Za-z0-9_-]{1,64}$/),
});

/**
 * The cursor names the last item served, not an offset, so runs created at the top
 * while a client pages cannot shift later pages (no duplicates, no gaps). The list
 * name rides along so a cursor from one list is refused by another.
 */
export function encodeCursor(list: string, key: SortKey): string {
  return Buffer.from(JSON.stringify({ v: 1, list, at: key.at, id: key.id })).toString("base64url");
}

/** undefined when the cursor is not one of ours for this list. */
export function decodeCursor(list: string, cursor: string): SortKey | undefined {
  if (!/^[A-Za-z0-9_-]{1,512}$/.test(cursor)) return undefined;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.list !== list) return undefined;
    return { at: parsed.data.at, id: parsed.data.id };
  } catch {
    return undefined;
  }
}
