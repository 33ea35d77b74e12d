import { z } from "zod";

/**
 * The activity list's cursor: the (at, id) of the last entry a page showed, as base64url
 * JSON. Opaque to clients, and checked with zod when it comes back, so a forged or cut
 * cursor is a 400, never a query with odd values in it.
 */
export interface ActivityCursor {
  at: number;
  id: string;
}

const cursorShape = z.tuple([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);

export function encodeActivityCursor(cursor: ActivityCursor): string {
  return Buffer.from(JSON.stringify([cursor.at, cursor.id]), "utf8").toString("base64url");
}

function decode(text: string): unknown {
  try {
    return JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

/** The `cursor` query parameter: base64url text that decodes to [at, id]. */
export const activityCursorSchema = z
  .string()
  .max(200, "is not a cursor from this list")
  .regex(/^[A-Za-z0-9_-]+$/, "is not a cursor from this list")
  .transform((text, context): ActivityCursor => {
    const parsed = cursorShape.safeParse(decode(text));
    if (!parsed.success) {
      context.addIssue({ code: "custom", message: "is not a cursor from this list" });
      return z.NEVER;
    }
    return { at: parsed.data[0], id: parsed.data[1] };
  });
