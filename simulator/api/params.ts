import { z } from "zod";
import { validationError, type FieldError } from "../http/api-error";
import { decodeCursor, type SortKey } from "../runs/cursor";
import { RUN_STATUSES } from "../runs/run-record";

const requiredOr = (message: string) => (issue: { input?: unknown }) =>
  issue.input === undefined ? "Required" : message;

/** FLORA ids: a prefix, then URL-safe characters only. */
export function idSchema(prefix: string) {
  return z
    .string({ error: requiredOr("Must be a string.") })
    .regex(new RegExp(`^${prefix}[A-Za-z0-9_-]{1,64}$`), `Must be an identifier starting with ${prefix}.`);
}

export function enumSchema<const T extends readonly [string, ...string[]]>(values: T) {
  return z.enum(values, { error: requiredOr(`Must be one of: ${values.join(", ")}.`) });
}

export const statusSchema = enumSchema(RUN_STATUSES);

export const limitSchema = z
  .string()
  .optional()
  .transform((value, ctx) => {
    if (value === undefined) return 20;
    const limit = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
    if (!(limit >= 1 && limit <= 100)) {
      ctx.addIssue({ code: "custom", message: "Must be an integer between 1 and 100." });
      return z.NEVER;
    }
    return limit;
  });

export const cursorSchema = z.string().min(1, "Invalid cursor.").optional();

/** The cursor's own check happens against its list name, which the schema does not know. */
export function cursorKey(list: string, cursor: string | undefined): SortKey | undefined {
  if (cursor === undefined) return undefined;
  const key = decodeCursor(list, cursor);
  if (!key) throw validationError([{ field: "cursor", message: "Invalid cursor." }]);
  return key;
}

/** Query string to a plain object; a repeated parameter is an error rather than a guess. */
export function queryObject(query: URLSearchParams): Record<string, string> {
  const result: Record<string, string> = {};
  const repeated: FieldError[] = [];
  for (const key of new Set(query.keys())) {
    const values = query.getAll(key);
    if (values.length > 1) repeated.push({ field: key, message: "Must be given once." });
    result[key] = values[0] ?? "";
  }
  if (repeated.length > 0) throw validationError(repeated);
  return result;
}

export function fieldsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join(".") : "body",
    message: issue.message,
  }));
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationError(fieldsOf(parsed.error));
  return parsed.data;
}

export function parseQuery<S extends z.ZodType>(schema: S, query: URLSearchParams): z.output<S> {
  return parseOrThrow(schema, queryObject(query));
}

export function listMeta(nextCursor: string | null, total: number) {
  return { next_cursor: nextCursor, total_estimate: total };
}
