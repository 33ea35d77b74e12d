/**
 * What a cap field holds: "" or "none" removes the cap; otherwise US dollars ("25",
 * "12.50"). Plain (no zod) for the browser; the route checks it again with zod.
 */
export function parseCapInput(text: string): { ok: true; usd: number | null } | { ok: false; message: string } {
  const value = text.trim().replace(/^\$/, "");
  if (value === "" || value.toLowerCase() === "none") return { ok: true, usd: null };
  if (!/^\d+(\.\d{1,6})?$/.test(value)) return { ok: false, message: "Give US dollars such as 25 or 12.50, or none." };
  const usd = Number(value);
  if (usd > 1_000_000) return { ok: false, message: "At most $1,000,000." };
  return { ok: true, usd };
}

export const capText = (usd: number | null) => (usd === null ? "" : String(usd));
