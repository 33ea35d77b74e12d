import type { z } from "zod";
import { ApiError, type FieldError } from "@/lib/errors/api-error";
import { readLimitedText } from "@/lib/http/read-limited-body";

/** zod issues → FLORA's `fields` list; the message names the first, as FLORA's does. */
export function validationError(issues: z.core.$ZodIssue[], prefix?: string): ApiError {
  const fields: FieldError[] = issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    return { field: [prefix, path].filter(Boolean).join(".") || (prefix ?? "body"), message: issue.message };
  });
  const first = fields[0];
  return new ApiError("input_validation_error", first ? `${first.field}: ${first.message}` : "Invalid input.", fields);
}

export function parseWith<Schema extends z.ZodType>(schema: Schema, value: unknown, prefix?: string): z.infer<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error.issues, prefix);
  return result.data;
}

/** Query strings as a plain object; a repeated parameter is refused rather than guessed at. */
export function queryObject(searchParams: URLSearchParams): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of new Set(searchParams.keys())) {
    const values = searchParams.getAll(key);
    if (values.length > 1) {
      throw new ApiError("input_validation_error", `${key}: must be given once`, [
        { field: key, message: "must be given once" },
      ]);
    }
    query[key] = values[0]!;
  }
  return query;
}

export const MAX_BODY_BYTES = 64 * 1024;

/** Reads a JSON body of at most `maxBytes`, refusing other media types and broken JSON. */
export async function readJsonBody(request: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new ApiError("unsupported_media_type", "Send the body as application/json.");
  }
  const text = await readLimitedText(request, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("invalid_json", "The body is not valid JSON.");
  }
}
