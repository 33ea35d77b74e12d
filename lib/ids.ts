/**
 * FLORA's id rules, without zod, so the browser can check ids in a URL by the same rule the
 * gateway's zod schemas apply: the prefix, then letters, digits, `_` and `-` only, 128
 * characters at most.
 */
const SAFE_ID = /^[A-Za-z0-9_-]+$/;

export const hasIdPrefix = (value: string, prefix: string) => value.startsWith(prefix) && value.length > prefix.length;
export const hasSafeIdCharacters = (value: string) => SAFE_ID.test(value);

/** The whole rule; the gateway's zod schemas apply the same parts with their own messages. */
export function isPrefixedId(value: string, prefix: string): boolean {
  return value.length <= 128 && hasIdPrefix(value, prefix) && hasSafeIdCharacters(value);
}
