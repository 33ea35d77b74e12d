import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** The key when the Authorization header is "Bearer <expected key>", else undefined. */
export function authenticate(req: IncomingMessage, expected: string): string | undefined {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  const token = match?.[1];
  if (!token) return undefined;
  const given = Buffer.from(token);
  const wanted = Buffer.from(expected);
  return given.length === wanted.length && timingSafeEqual(given, wanted) ? token : undefined;
}
